import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { detectLanguage } from './language-detector'
import { evaluateLanguageAccuracy, isLabeledTextList } from './language-evaluation'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const samples: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'bench/data/language-eval.json'), 'utf8'))

describe('language detector accuracy on bench/data/language-eval.json', () => {
  it('is a labeled set with at least 50 messages each of ru, ky and en', () => {
    expect(isLabeledTextList(samples)).toBe(true)
    if (!isLabeledTextList(samples)) return
    expect(samples.length).toBeGreaterThanOrEqual(150)
    for (const language of ['ru', 'ky', 'en']) {
      expect(samples.filter((sample) => sample.language === language).length).toBeGreaterThanOrEqual(50)
    }
  })

  it('reaches ≥ 0.9 overall and ≥ 0.85 per language', () => {
    if (!isLabeledTextList(samples)) throw new Error('bad eval set')
    const result = evaluateLanguageAccuracy(samples, detectLanguage)
    const report = result.misses.map((miss) => `${miss.language}→${miss.detected}: ${miss.text}`).join('\n')
    expect(result.accuracy, report).toBeGreaterThanOrEqual(0.9)
    for (const [language, bucket] of Object.entries(result.perLanguage)) {
      expect(bucket.accuracy, `${language}\n${report}`).toBeGreaterThanOrEqual(0.85)
    }
  })
})

describe('evaluateLanguageAccuracy', () => {
  it('tallies per language, overall and the confusion', () => {
    const result = evaluateLanguageAccuracy(
      [
        { text: 'a', language: 'ru' },
        { text: 'b', language: 'ru' },
        { text: 'c', language: 'ky' },
      ],
      (text) => (text === 'b' ? 'ky' : text === 'a' ? 'ru' : 'ky'),
    )
    expect(result.accuracy).toBeCloseTo(2 / 3)
    expect(result.perLanguage.ru).toEqual({ total: 2, correct: 1, accuracy: 0.5 })
    expect(result.perLanguage.ky).toEqual({ total: 1, correct: 1, accuracy: 1 })
    expect(result.confusion).toEqual({ ru: { ky: 1 } })
    expect(result.misses).toEqual([{ text: 'b', language: 'ru', detected: 'ky' }])
  })

  it('handles an empty set', () => {
    expect(evaluateLanguageAccuracy([], () => 'und').accuracy).toBe(0)
  })
})
