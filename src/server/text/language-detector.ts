/**
 * Which language a chat message is written in, for clients in Kyrgyzstan: Russian, Kyrgyz (also typed
 * without ң ө ү), English, and others where the evidence is clear. Every word votes: lexicon words by
 * their weight, unknown words by their shape (endings, letters). Greetings weigh little, so a Russian
 * message opening with "Салам" stays Russian. Too little or too mixed evidence answers 'und'.
 */
import { ENGLISH_LEXICON } from './language/lexicon-english'
import { KYRGYZ_LEXICON, SHARED_GREETINGS } from './language/lexicon-kyrgyz'
import { CYRILLIC_LEXICONS, LATIN_LEXICONS } from './language/lexicon-regional'
import { russianWordWeight } from './language/lexicon-russian'
import { cyrillicShapeEvidence, latinShapeEvidence, type Evidence } from './language/morphology'
import { censusScripts, findSpecialLetters, specialLetterLanguages } from './language/scripts'
import { tokenize, type Token } from './language/tokens'
import { latinToCyrillic } from './language/transliteration'

/** Codes `detectLanguage` can answer (ISO 639-1, plus 'und' for undetermined). */
export const DETECTABLE_LANGUAGES = [
  'ru',
  'ky',
  'en',
  'kk',
  'uz',
  'tr',
  'uk',
  'be',
  'tg',
  'ko',
  'ja',
  'zh',
  'ka',
  'hy',
  'el',
  'he',
  'th',
  'hi',
  'ar',
  'fa',
  'ur',
  'ug',
  'und',
] as const

/** One of DETECTABLE_LANGUAGES. */
export type DetectedLanguage = (typeof DETECTABLE_LANGUAGES)[number]

/** The answer of detectLanguageWithConfidence. */
export interface LanguageDetection {
  /** ISO 639-1 code, or 'und'. */
  language: DetectedLanguage
  /** 0…1: how sure the answer is (0 for 'und' with no evidence at all). */
  confidence: number
  /** Each candidate language's share of the evidence (0…1, summing to 1; empty without evidence). */
  scores: Record<string, number>
}

/** Below this much evidence for the leader we do not guess (one clear word is about 1). */
const MIN_EVIDENCE = 0.9
/** The leader must hold at least this share of the evidence of the top two. */
const MIN_LEAD_SHARE = 0.6
/** Longer texts are judged by their beginning: enough evidence, bounded time. */
const MAX_CHARS = 4000

function add(scores: Evidence, language: string, weight: number): void {
  if (weight > 0) scores[language] = (scores[language] ?? 0) + weight
}

function scoreCyrillic(token: Token, scores: Evidence, letters: ReturnType<typeof findSpecialLetters>): void {
  const greeting = SHARED_GREETINGS.get(token.folded)
  if (greeting !== undefined) {
    add(scores, 'ky', greeting)
    return
  }
  const special = specialLetterLanguages(token.raw, letters)
  for (const [language, weight] of special) add(scores, language, weight)
  const pointsToKyrgyz = special.some(([language]) => language === 'ky')
  // Special letters outrank a folded look-alike: `қанча` is not the Kyrgyz `канча`, `бүт` not Russian.
  const ru = russianWordWeight(token.folded) * (special.length ? 0.3 : 1)
  const ky = (KYRGYZ_LEXICON.get(token.folded) ?? 0) * (special.length && !pointsToKyrgyz ? 0.3 : 1)
  let known = ru > 0 || ky > 0
  add(scores, 'ru', ru)
  add(scores, 'ky', ky)
  for (const [language, lexicon] of Object.entries(CYRILLIC_LEXICONS)) {
    const weight = lexicon.get(token.folded)
    if (weight) {
      add(scores, language, weight)
      known = true
    }
  }
  if (known) return
  const shape = cyrillicShapeEvidence(token.raw, token.folded)
  if (special.length) return
  add(scores, 'ky', shape.ky ?? 0)
  add(scores, 'ru', shape.ru ?? 0)
}

/** Transliterated Kyrgyz/Russian weighs a little less than a word written in its own letters. */
const TRANSLIT_WEIGHT = 0.9
/** An unknown word's Cyrillic reading is judged by its endings, at this share. */
const TRANSLIT_SHAPE_WEIGHT = 0.6

/** Kyrgyz and Russian evidence of a Latin word read back into Cyrillic ("baasy" → "баасы"). */
function translitEvidence(token: Token): { ky: number; ru: number; known: boolean } {
  const readings = latinToCyrillic(token.raw)
  let ky = 0
  let ru = 0
  for (const reading of readings) {
    ky = Math.max(ky, KYRGYZ_LEXICON.get(reading) ?? SHARED_GREETINGS.get(reading) ?? 0)
    // Translit often drops the soft sign at the end: "dogovorilis", "pozvonit".
    ru = Math.max(ru, russianWordWeight(reading), /[бвдзлмнпрстфц]$/.test(reading) ? russianWordWeight(reading + 'ь') : 0)
  }
  if (ky > 0 || ru > 0) return { ky: ky * TRANSLIT_WEIGHT, ru: ru * TRANSLIT_WEIGHT, known: true }
  const first = readings[0]
  if (!first || first.length < 3) return { ky: 0, ru: 0, known: false }
  let shapeKy = 0
  let shapeRu = 0
  for (const reading of readings) {
    const shape = cyrillicShapeEvidence(reading, reading)
    shapeKy = Math.max(shapeKy, shape.ky ?? 0)
    shapeRu = Math.max(shapeRu, shape.ru ?? 0)
  }
  return { ky: shapeKy * TRANSLIT_SHAPE_WEIGHT, ru: shapeRu * TRANSLIT_SHAPE_WEIGHT, known: false }
}

function scoreLatin(token: Token, scores: Evidence): void {
  let known = false
  const en = ENGLISH_LEXICON.get(token.folded) ?? 0
  if (en) {
    add(scores, 'en', en)
    known = true
  }
  const direct: Evidence = {}
  for (const [language, lexicon] of Object.entries(LATIN_LEXICONS)) {
    const weight = lexicon.get(token.folded)
    if (weight) {
      direct[language] = weight
      known = true
    }
  }
  const shape = latinShapeEvidence(token.raw, token.folded)
  const neighbour = Object.keys(direct).some((language) => language !== 'ru' && language !== 'ky') || (shape.uz ?? 0) > 0 || (shape.tr ?? 0) >= 1
  const translit = translitEvidence(token)
  // ö and ü without Turkish ç ş ğ ı: Kyrgyz typed on a phone that has them ("tüshündüm", "jönötösüzbü").
  if (/[öü]/.test(token.raw) && !/[çşğı]/.test(token.raw) && !neighbour) translit.ky = Math.max(translit.ky, 0.5) + 0.4
  // English words read as Cyrillic ("no" → "но", "to" → "то") and neighbours' words are not evidence.
  const damp = en ? 0.2 : neighbour ? 0.3 : translit.known || !known ? 1 : 0
  for (const [language, weight] of Object.entries(direct)) {
    if (language === 'ru' || language === 'ky') continue
    add(scores, language, weight)
  }
  add(scores, 'ru', Math.max(direct.ru ?? 0, translit.ru * damp))
  add(scores, 'ky', Math.max(direct.ky ?? 0, translit.ky * damp))
  if (translit.known) known = true
  for (const [language, weight] of Object.entries(shape)) add(scores, language, known ? weight * 0.5 : weight)
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

const UNDETERMINED: LanguageDetection = { language: 'und', confidence: 0, scores: {} }

/**
 * Detects the language of a text with a confidence and the evidence per language. Never throws;
 * anything that is not a string, or has no words, is 'und'.
 */
export function detectLanguageWithConfidence(text: string): LanguageDetection {
  if (typeof text !== 'string') return UNDETERMINED
  const sample = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text
  const census = censusScripts(sample)
  if (census.letters < 2) return UNDETERMINED
  if (census.scriptLanguage && census.scriptLanguage.share >= 0.5) {
    const { language, share } = census.scriptLanguage
    return { language: language as DetectedLanguage, confidence: round(Math.min(1, share) * (census.letters >= 4 ? 0.95 : 0.7)), scores: { [language]: 1 } }
  }

  const tokens = tokenize(sample)
  const letters = findSpecialLetters(sample.toLowerCase())
  const scores: Evidence = {}
  for (const token of tokens) {
    if (token.script === 'cyrillic') scoreCyrillic(token, scores, letters)
    else if (token.script === 'latin') scoreLatin(token, scores)
  }

  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1])
  const total = ranked.reduce((sum, [, score]) => sum + score, 0)
  const shares = Object.fromEntries(ranked.map(([language, score]) => [language, round(score / total)]))
  const [first, second] = ranked
  if (!first) return UNDETERMINED
  const [leader, top] = first
  const runnerUp = second?.[1] ?? 0
  const leadShare = top / (top + runnerUp)
  const evidence = 1 - Math.exp(-top / 1.5)
  const confidence = round(evidence * (2 * leadShare - 1))
  if (top < MIN_EVIDENCE || leadShare < MIN_LEAD_SHARE) return { language: 'und', confidence: 0, scores: shares }
  return { language: leader as DetectedLanguage, confidence, scores: shares }
}

/**
 * The ISO 639-1 code of the text's language ('ru', 'ky', 'en', 'kk', 'uz', 'tr'…), or 'und' when the
 * text is empty, emoji or numbers only, too short, or too mixed to tell.
 */
export function detectLanguage(text: string): string {
  return detectLanguageWithConfidence(text).language
}
