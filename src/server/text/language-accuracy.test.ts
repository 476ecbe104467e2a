import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { detectLanguage, detectLanguageWithConfidence } from './language-detector'
import {
  accuracyAbove,
  calibrationTable,
  evalHalf,
  evaluateLanguageAccuracy,
  inGroup,
  isLabeledTextList,
  sampleGroups,
  splitHalf,
  type LabeledText,
} from './language-evaluation'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const parsed: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'bench/data/language-eval.json'), 'utf8'))
const samples: LabeledText[] = isLabeledTextList(parsed) ? parsed : []
const testHalf = splitHalf(samples, 'test')

function accuracyOf(subset: readonly LabeledText[]) {
  const result = evaluateLanguageAccuracy(subset, detectLanguage)
  const report = result.misses.map((miss) => `${miss.language}→${miss.detected}: ${miss.text}`).join('\n')
  return { ...result, report }
}

describe('bench/data/language-eval.json', () => {
  it('is a labeled set of at least 500 messages with the groups the issue asks for', () => {
    expect(isLabeledTextList(parsed)).toBe(true)
    expect(samples.length).toBeGreaterThanOrEqual(500)
    expect(new Set(samples.map((sample) => sample.text)).size).toBe(samples.length)
    const latinRuKy = samples.filter((sample) => sampleGroups(sample).includes('latin') && ['ru', 'ky'].includes(sample.language))
    expect(latinRuKy.length).toBeGreaterThanOrEqual(120)
    expect(inGroup(samples, 'short').length).toBeGreaterThanOrEqual(80)
    expect(inGroup(samples, 'mixed').length).toBeGreaterThanOrEqual(60)
    for (const language of ['ru', 'ky', 'en']) expect(samples.filter((sample) => sample.language === language).length).toBeGreaterThanOrEqual(50)
    for (const language of ['kk', 'uz', 'tg', 'und']) expect(samples.filter((sample) => sample.language === language).length).toBeGreaterThanOrEqual(5)
  })

  it('splits into a development and a test half of similar size, by text only', () => {
    const dev = splitHalf(samples, 'dev')
    expect(dev.length + testHalf.length).toBe(samples.length)
    expect(Math.min(dev.length, testHalf.length) / samples.length).toBeGreaterThan(0.4)
    expect(evalHalf('salam, baasy kancha?')).toBe(evalHalf('salam, baasy kancha?'))
  })
})

describe('language detector accuracy on the test half', () => {
  it('reaches ≥ 0.92 overall', () => {
    const result = accuracyOf(testHalf)
    expect(result.accuracy, result.report).toBeGreaterThanOrEqual(0.92)
  })

  it('reaches ≥ 0.90 on Latin-typed Kyrgyz', () => {
    const subset = inGroup(testHalf, 'latin', 'ky')
    expect(subset.length).toBeGreaterThanOrEqual(30)
    const result = accuracyOf(subset)
    expect(result.accuracy, result.report).toBeGreaterThanOrEqual(0.9)
  })

  it('reaches ≥ 0.90 on Latin-typed Russian', () => {
    const subset = inGroup(testHalf, 'latin', 'ru')
    expect(subset.length).toBeGreaterThanOrEqual(30)
    const result = accuracyOf(subset)
    expect(result.accuracy, result.report).toBeGreaterThanOrEqual(0.9)
  })

  it('reaches ≥ 0.95 on Cyrillic Russian and on Cyrillic Kyrgyz', () => {
    for (const language of ['ru', 'ky']) {
      const subset = inGroup(testHalf, 'cyrillic', language)
      expect(subset.length).toBeGreaterThanOrEqual(30)
      const result = accuracyOf(subset)
      expect(result.accuracy, `${language}\n${result.report}`).toBeGreaterThanOrEqual(0.95)
    }
  })

  it('reaches ≥ 0.85 on short replies and on mixed messages', () => {
    for (const group of ['short', 'mixed'] as const) {
      const result = accuracyOf(inGroup(testHalf, group))
      expect(result.accuracy, `${group}\n${result.report}`).toBeGreaterThanOrEqual(0.85)
    }
  })
})

describe('language detector calibration', () => {
  it('is right at least 95 % of the time when its confidence is ≥ 0.8, on each half', () => {
    for (const half of ['dev', 'test'] as const) {
      const above = accuracyAbove(splitHalf(samples, half), detectLanguageWithConfidence, 0.8)
      expect(above.total, half).toBeGreaterThanOrEqual(50)
      expect(above.accuracy, half).toBeGreaterThanOrEqual(0.95)
    }
  })

  it('is more often right in higher confidence buckets', () => {
    const rows = calibrationTable(samples, detectLanguageWithConfidence).filter((row) => row.total >= 20)
    const low = rows[0]!
    const high = rows.at(-1)!
    expect(high.from).toBeGreaterThan(low.from)
    expect(high.accuracy).toBeGreaterThan(low.accuracy)
  })

  it('gives one-word replies shared by several languages a low confidence or und', () => {
    for (const text of ['ok', 'ок', 'да', 'рахмат', 'Рахмат!', 'rahmat', 'салам', 'salam', 'ok rahmat', '👍']) {
      const result = detectLanguageWithConfidence(text)
      expect(result.language === 'und' || result.confidence < 0.5, `${text}: ${result.language} ${result.confidence}`).toBe(true)
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

  it('puts samples in groups by script, length and the mixed flag', () => {
    expect(sampleGroups({ text: 'salam, baasy kancha?', language: 'ky' })).toEqual(['latin'])
    expect(sampleGroups({ text: 'Жакшы', language: 'ky' })).toEqual(['cyrillic', 'short'])
    expect(sampleGroups({ text: 'Ок, эртең келем', language: 'ky', mixed: true })).toEqual(['cyrillic', 'mixed'])
    expect(sampleGroups({ text: '👍', language: 'und' })).toEqual(['short'])
  })

  it('tallies the calibration per confidence bucket', () => {
    const table = calibrationTable(
      [
        { text: 'a', language: 'ru' },
        { text: 'b', language: 'ky' },
        { text: 'c', language: 'en' },
      ],
      (text) =>
        text === 'a' ? { language: 'ru', confidence: 0.95 } : text === 'b' ? { language: 'ru', confidence: 0.85 } : { language: 'und', confidence: 0 },
    )
    expect(table.find((row) => row.from === 0.9)).toMatchObject({ total: 1, correct: 1 })
    expect(table.find((row) => row.from === 0.8)).toMatchObject({ total: 1, correct: 0 })
    expect(table.find((row) => row.from === 0)).toMatchObject({ total: 1, correct: 0 })
  })
})
