/**
 * Language detector accuracy on the labeled chat messages in bench/data/language-eval.json.
 * Run: node --import tsx bench/language-accuracy.ts   (exit code 1 below the thresholds the unit test uses)
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { detectLanguage } from '../src/server/text/language-detector'
import { evaluateLanguageAccuracy, isLabeledTextList } from '../src/server/text/language-evaluation'

const OVERALL_MIN = 0.9
const PER_LANGUAGE_MIN = 0.85

const dataPath = fileURLToPath(new URL('./data/language-eval.json', import.meta.url))
const samples: unknown = JSON.parse(readFileSync(dataPath, 'utf8'))
if (!isLabeledTextList(samples)) throw new Error(`${dataPath}: expected [{ text, language }]`)

const result = evaluateLanguageAccuracy(samples, detectLanguage)
const percent = (value: number) => `${(value * 100).toFixed(1)}%`

console.log(`Language detection on ${result.total} labeled messages\n`)
for (const [language, bucket] of Object.entries(result.perLanguage).sort()) {
  console.log(`  ${language.padEnd(4)} ${String(bucket.correct).padStart(4)}/${String(bucket.total).padEnd(4)} ${percent(bucket.accuracy)}`)
}
console.log(`  ${'all'.padEnd(4)} ${String(result.correct).padStart(4)}/${String(result.total).padEnd(4)} ${percent(result.accuracy)}\n`)

if (result.misses.length) {
  console.log('Confusion (expected → detected: count)')
  for (const [expected, row] of Object.entries(result.confusion)) {
    for (const [detected, count] of Object.entries(row)) console.log(`  ${expected} → ${detected}: ${count}`)
  }
  console.log('\nMisses')
  for (const miss of result.misses) console.log(`  [${miss.language} → ${miss.detected}] ${miss.text}`)
}

const failing = Object.entries(result.perLanguage).filter(([, bucket]) => bucket.accuracy < PER_LANGUAGE_MIN)
if (result.accuracy < OVERALL_MIN || failing.length) {
  console.log(`\nBelow threshold (overall ≥ ${OVERALL_MIN}, per language ≥ ${PER_LANGUAGE_MIN})`)
  process.exitCode = 1
}
