/**
 * Language detector accuracy on the labeled chat messages in bench/data/language-eval.json: per
 * language and per group (Cyrillic, Latin-typed, short, mixed) on the development half, the test half
 * and both, and the calibration table (confidence bucket → share right). Misses are listed for the
 * development half only: the test half is measured, never looked at while tuning.
 * Run: node --import tsx bench/language-accuracy.ts [--test-misses]   (exit code 1 below the unit test's thresholds)
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { detectLanguage, detectLanguageWithConfidence } from '../src/server/text/language-detector'
import {
  accuracyAbove,
  calibrationTable,
  evaluateLanguageAccuracy,
  inGroup,
  isLabeledTextList,
  SAMPLE_GROUPS,
  splitHalf,
  type LabeledText,
} from '../src/server/text/language-evaluation'

/** The thresholds of src/server/text/language-accuracy.test.ts, on the test half. */
const OVERALL_MIN = 0.92
const LATIN_KYRGYZ_MIN = 0.9
const CYRILLIC_MIN = 0.95
const CALIBRATED_MIN = 0.95

const dataPath = fileURLToPath(new URL('./data/language-eval.json', import.meta.url))
const samples: unknown = JSON.parse(readFileSync(dataPath, 'utf8'))
if (!isLabeledTextList(samples)) throw new Error(`${dataPath}: expected [{ text, language, mixed? }]`)

const percent = (value: number) => `${(value * 100).toFixed(1)}%`
const cell = (subset: readonly LabeledText[]) => {
  if (!subset.length) return '—'.padStart(17)
  const result = evaluateLanguageAccuracy(subset, detectLanguage)
  return `${String(result.correct).padStart(4)}/${String(result.total).padEnd(4)} ${percent(result.accuracy).padStart(6)}`
}

const halves = { dev: splitHalf(samples, 'dev'), test: splitHalf(samples, 'test'), all: samples }
console.log(`Language detection on ${samples.length} labeled messages (dev ${halves.dev.length}, test ${halves.test.length})\n`)
console.log(`  ${''.padEnd(14)} ${'dev'.padStart(17)} ${'test'.padStart(17)} ${'all'.padStart(17)}`)
const row = (label: string, pick: (subset: readonly LabeledText[]) => LabeledText[]) =>
  console.log(`  ${label.padEnd(14)} ${cell(pick(halves.dev))} ${cell(pick(halves.test))} ${cell(pick(halves.all))}`)

const languages = [...new Set(samples.map((sample) => sample.language))].sort()
for (const language of languages) row(language, (subset) => subset.filter((sample) => sample.language === language))
console.log('')
for (const group of SAMPLE_GROUPS) row(group, (subset) => inGroup(subset, group))
for (const group of ['cyrillic', 'latin'] as const) {
  for (const language of ['ru', 'ky']) row(`${group} ${language}`, (subset) => inGroup(subset, group, language))
}
row('all', (subset) => [...subset])

console.log('\nCalibration (confidence → share right)')
console.log(`  ${'bucket'.padEnd(10)} ${'dev'.padStart(17)} ${'test'.padStart(17)} ${'all'.padStart(17)}`)
const tables = [halves.dev, halves.test, halves.all].map((subset) => calibrationTable(subset, detectLanguageWithConfidence))
tables[0]!.forEach((bucket, index) => {
  const cells = tables.map((table) => {
    const { correct, total, accuracy } = table[index]!
    return total ? `${String(correct).padStart(4)}/${String(total).padEnd(4)} ${percent(accuracy).padStart(6)}` : '—'.padStart(17)
  })
  console.log(`  ${`${bucket.from.toFixed(1)}–${bucket.to.toFixed(1)}`.padEnd(10)} ${cells.join(' ')}`)
})
const calibrated = accuracyAbove(halves.test, detectLanguageWithConfidence, 0.8)
console.log(`  test, confidence ≥ 0.8: ${calibrated.correct}/${calibrated.total} ${percent(calibrated.accuracy)}`)

const missesOf = (subset: readonly LabeledText[]) => evaluateLanguageAccuracy(subset, detectLanguage).misses
console.log('\nMisses on the development half')
for (const miss of missesOf(halves.dev)) console.log(`  [${miss.language} → ${miss.detected}] ${miss.text}`)
if (process.argv.includes('--test-misses')) {
  console.log('\nMisses on the test half (for the record: do not tune on them)')
  for (const miss of missesOf(halves.test)) console.log(`  [${miss.language} → ${miss.detected}] ${miss.text}`)
}

const test = halves.test
const checks: Array<[string, number, number]> = [
  ['test overall', evaluateLanguageAccuracy(test, detectLanguage).accuracy, OVERALL_MIN],
  ['test Latin-typed Kyrgyz', evaluateLanguageAccuracy(inGroup(test, 'latin', 'ky'), detectLanguage).accuracy, LATIN_KYRGYZ_MIN],
  ['test Cyrillic Russian', evaluateLanguageAccuracy(inGroup(test, 'cyrillic', 'ru'), detectLanguage).accuracy, CYRILLIC_MIN],
  ['test Cyrillic Kyrgyz', evaluateLanguageAccuracy(inGroup(test, 'cyrillic', 'ky'), detectLanguage).accuracy, CYRILLIC_MIN],
  ['test confidence ≥ 0.8 right', calibrated.accuracy, CALIBRATED_MIN],
]
const failing = checks.filter(([, value, min]) => value < min)
for (const [name, value, min] of failing) console.log(`\nBelow threshold: ${name} ${percent(value)} < ${percent(min)}`)
if (failing.length) process.exitCode = 1
