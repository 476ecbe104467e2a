/**
 * Accuracy of a language detector on a labeled set: per language, per group (Cyrillic, Latin-typed,
 * short, mixed), overall, the misses, and how well its confidence is calibrated. The set is split
 * once, by a hash of each text, into a development half (to look at and tune on) and a test half
 * (only measured). Shared by `bench/language-accuracy.ts` (prints it) and the accuracy test (asserts it).
 */

export interface LabeledText {
  text: string
  language: string
  /** The text mixes languages (e.g. Russian and Kyrgyz); `language` is the dominant one. */
  mixed?: boolean
}

export interface LanguageMiss extends LabeledText {
  detected: string
}

export interface AccuracyBucket {
  total: number
  correct: number
  accuracy: number
}

export interface LanguageAccuracy extends AccuracyBucket {
  perLanguage: Record<string, AccuracyBucket>
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

/** The half of the labeled set a text belongs to: fixed by the text alone (FNV-1a hash), never by its order. */
export type EvalHalf = 'dev' | 'test'

export function evalHalf(text: string): EvalHalf {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash % 2 === 0 ? 'dev' : 'test'
}

/** The samples of one half. */
export function splitHalf<T extends LabeledText>(samples: readonly T[], half: EvalHalf): T[] {
  return samples.filter((sample) => evalHalf(sample.text) === half)
}

/** Groups a sample can fall in: by its letters (Cyrillic or Latin), by length (one or two words), mixed. */
export type SampleGroup = 'cyrillic' | 'latin' | 'short' | 'mixed'

export const SAMPLE_GROUPS: readonly SampleGroup[] = ['cyrillic', 'latin', 'short', 'mixed']

const CYRILLIC_LETTER = /\p{Script=Cyrillic}/gu
const LATIN_LETTER = /\p{Script=Latin}/gu
const WORD = /[\p{L}][\p{L}\p{M}'’]*/gu

/** The groups of a sample: its script (the one most of its letters are in), 'short', 'mixed'. */
export function sampleGroups(sample: LabeledText): SampleGroup[] {
  const cyrillic = sample.text.match(CYRILLIC_LETTER)?.length ?? 0
  const latin = sample.text.match(LATIN_LETTER)?.length ?? 0
  const groups: SampleGroup[] = []
  if (cyrillic > latin) groups.push('cyrillic')
  else if (latin > 0) groups.push('latin')
  if ((sample.text.match(WORD)?.length ?? 0) <= 2) groups.push('short')
  if (sample.mixed) groups.push('mixed')
  return groups
}

/** The samples of a group, optionally only those labeled with one language. */
export function inGroup<T extends LabeledText>(samples: readonly T[], group: SampleGroup, language?: string): T[] {
  return samples.filter((sample) => sampleGroups(sample).includes(group) && (language === undefined || sample.language === language))
}

export interface CalibrationRow {
  /** Lower bound of the confidence bucket (inclusive). */
  from: number
  /** Upper bound (exclusive, except 1). */
  to: number
  total: number
  correct: number
  accuracy: number
}

/** Confidence buckets: 0–0.2, 0.2–0.4, 0.4–0.6, 0.6–0.8, 0.8–0.9, 0.9–1. */
const CALIBRATION_EDGES = [0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001]

/**
 * Calibration of a detector: per confidence bucket, how many of its answers were right. 'und'
 * answers count as right only where the label is 'und'.
 */
export function calibrationTable(samples: readonly LabeledText[], detect: (text: string) => { language: string; confidence: number }): CalibrationRow[] {
  const rows: CalibrationRow[] = CALIBRATION_EDGES.slice(0, -1).map((from, index) => ({
    from,
    to: Math.min(1, CALIBRATION_EDGES[index + 1]!),
    total: 0,
    correct: 0,
    accuracy: 0,
  }))
  for (const sample of samples) {
    const { language, confidence } = detect(sample.text)
    const row = rows.findLast((candidate) => confidence >= candidate.from) ?? rows[0]!
    row.total++
    if (language === sample.language) row.correct++
  }
  for (const row of rows) row.accuracy = row.total ? row.correct / row.total : 0
  return rows
}

/** Share right among answers with confidence ≥ `threshold` (1 when there are none), and how many there were. */
export function accuracyAbove(
  samples: readonly LabeledText[],
  detect: (text: string) => { language: string; confidence: number },
  threshold: number,
): AccuracyBucket {
  let total = 0
  let correct = 0
  for (const sample of samples) {
    const { language, confidence } = detect(sample.text)
    if (confidence < threshold) continue
    total++
    if (language === sample.language) correct++
  }
  return { total, correct, accuracy: total ? correct / total : 1 }
}

/** Checks that a parsed JSON value is a list of `{ text, language, mixed? }`. */
export function isLabeledTextList(value: unknown): value is LabeledText[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        'text' in item &&
        typeof item.text === 'string' &&
        'language' in item &&
        typeof item.language === 'string' &&
        (!('mixed' in item) || typeof item.mixed === 'boolean'),
    )
  )
}
