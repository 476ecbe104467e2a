/**
 * Accuracy of a language detector on a labeled set: per language, overall, and the misses. Shared by
 * `bench/language-accuracy.ts` (prints it) and the accuracy test (asserts it).
 */

export interface LabeledText {
  text: string
  language: string
}

export interface LanguageMiss extends LabeledText {
  detected: string
}

export interface LanguageAccuracy {
  total: number
  correct: number
  accuracy: number
  perLanguage: Record<string, { total: number; correct: number; accuracy: number }>
  /** Expected language → detected language → count, for the misses only. */
  confusion: Record<string, Record<string, number>>
  misses: LanguageMiss[]
}

/** Runs `detect` on every sample and tallies the results. */
export function evaluateLanguageAccuracy(samples: readonly LabeledText[], detect: (text: string) => string): LanguageAccuracy {
  const perLanguage: LanguageAccuracy['perLanguage'] = {}
  const confusion: LanguageAccuracy['confusion'] = {}
  const misses: LanguageMiss[] = []
  let correct = 0
  for (const sample of samples) {
    const detected = detect(sample.text)
    const bucket = (perLanguage[sample.language] ??= { total: 0, correct: 0, accuracy: 0 })
    bucket.total++
    if (detected === sample.language) {
      bucket.correct++
      correct++
    } else {
      misses.push({ ...sample, detected })
      const row = (confusion[sample.language] ??= {})
      row[detected] = (row[detected] ?? 0) + 1
    }
  }
  for (const bucket of Object.values(perLanguage)) bucket.accuracy = bucket.total ? bucket.correct / bucket.total : 0
  return { total: samples.length, correct, accuracy: samples.length ? correct / samples.length : 0, perLanguage, confusion, misses }
}

/** Checks that a parsed JSON value is a list of `{ text, language }`. */
export function isLabeledTextList(value: unknown): value is LabeledText[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' && item !== null && 'text' in item && typeof item.text === 'string' && 'language' in item && typeof item.language === 'string',
    )
  )
}
