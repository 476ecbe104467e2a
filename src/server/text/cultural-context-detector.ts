/**
 * The cultural context of a client's message, so the operator (or an agent) answers in kind: how
 * formal it is (Сиз/сен, Вы/ты), how they greeted (a religious greeting expects its answer), what they
 * call the operator (эже, байке, брат), and short notes on how to reply.
 */
import { ADDRESS_TERMS, FORMALITY_MARKERS, GREETINGS, type GreetingMarker } from './cultural-markers'
import { foldCyrillic } from './language/tokens'
import { detectLanguageWithConfidence } from './language-detector'

/** How formally the client writes. */
export type Formality = 'formal' | 'informal' | 'neutral'

/** What detectCulturalContext finds in a message. */
export interface CulturalContext {
  formality: Formality
  /** The first greeting in the message, in its usual spelling ('Салам', 'Ассаламу алейкум', 'Hello'); null if none. */
  greeting: string | null
  /** True for "Ассаламу алейкум" and its answer "Ваалейкум ассалам" in any spelling. */
  religiousGreeting: boolean
  /** Address terms the client used, in their usual form ('эже', 'байке', 'брат'), in order, once each. */
  addressTerms: string[]
  /** Short guidance for the operator, in English ('reply formally with Сиз'). */
  notes: string[]
}

const LANGUAGE_NAMES: Record<string, string> = {
  ky: 'Kyrgyz',
  ru: 'Russian',
  en: 'English',
  kk: 'Kazakh',
  uz: 'Uzbek',
  tr: 'Turkish',
  uk: 'Ukrainian',
  tg: 'Tajik',
}

function fold(text: string): string {
  return foldCyrillic(text.normalize('NFC').toLowerCase()).replace(/[’`]/g, "'").replace(/\s+/g, ' ')
}

function firstGreeting(text: string): GreetingMarker | null {
  let best: { marker: GreetingMarker; index: number } | null = null
  for (const marker of GREETINGS) {
    const match = marker.pattern.exec(text)
    if (match && (!best || match.index < best.index)) best = { marker, index: match.index }
  }
  return best?.marker ?? null
}

function score(text: string, markers: ReadonlyArray<readonly [RegExp, number]>): number {
  return markers.reduce((sum, [pattern, weight]) => sum + (pattern.test(text) ? weight : 0), 0)
}

type MarkerFamily = keyof typeof FORMALITY_MARKERS

function formalityOf(text: string, language: string, greeting: GreetingMarker | null): Formality {
  const family: MarkerFamily | null =
    language === 'ky' || language === 'kk' || language === 'uz' ? 'ky' : language === 'en' ? 'en' : language === 'ru' || language === 'uk' ? 'ru' : null
  let formal = greeting?.register === 'formal' ? 1 : 0
  let informal = greeting?.register === 'informal' ? 1 : 0
  // Unknown language: Russian and English markers, and only the Kyrgyz pronouns (сиз/сен); Kyrgyz
  // verb endings are too loose without knowing the text is Kyrgyz.
  const families: readonly MarkerFamily[] = family ? [family] : ['ru', 'en']
  for (const name of families) {
    formal += score(text, FORMALITY_MARKERS[name].formal)
    informal += score(text, FORMALITY_MARKERS[name].informal)
  }
  if (!family) {
    formal += score(text, FORMALITY_MARKERS.ky.formal.slice(0, 1))
    informal += score(text, FORMALITY_MARKERS.ky.informal.slice(0, 1))
  }
  if (formal === informal) return 'neutral'
  return formal > informal ? 'formal' : 'informal'
}

function notesFor(context: Omit<CulturalContext, 'notes'>, language: string, greeting: GreetingMarker | null): string[] {
  const notes: string[] = []
  if (greeting?.canonical === 'Ассаламу алейкум') notes.push('answer the religious greeting with Ваалейкум ассалам')
  else if (greeting?.canonical === 'Ваалейкум ассалам') notes.push('the client answered a religious greeting; continue politely')
  else if (greeting)
    notes.push(`greet back with ${greeting.canonical === 'Саламатсыңбы' || greeting.canonical === 'Кандайсың' ? 'Саламатсызбы' : greeting.canonical}`)

  const formalWord = language === 'ru' || language === 'uk' ? 'Вы' : language === 'en' ? null : 'Сиз'
  if (context.formality === 'formal') notes.push(formalWord ? `reply formally with ${formalWord}` : 'reply in a polite, formal tone')
  else if (context.formality === 'informal') {
    notes.push(`the client writes informally; a warm tone is fine, but keep ${formalWord ?? 'a polite register'} unless you know the client`)
  } else if (formalWord) notes.push(`reply politely with ${formalWord}`)

  for (const term of context.addressTerms) {
    const meaning = ADDRESS_TERMS.find((entry) => entry.term === term)?.meaning
    notes.push(`the client calls the operator ${term}${meaning ? ` (${meaning})` : ''}: answer warmly and respectfully`)
  }
  const name = LANGUAGE_NAMES[language]
  if (language === 'ky') notes.push('reply in Kyrgyz if you can; Russian is usually fine too')
  else if (name) notes.push(`reply in ${name}`)
  return notes
}

/**
 * Detects formality, greeting, address terms and reply notes for a message. `language` is the code
 * from detectLanguage; when it is empty or 'und' the text's language is detected here. Never throws.
 */
export function detectCulturalContext(text: string, language: string): CulturalContext {
  const raw = typeof text === 'string' ? (text.length > 4000 ? text.slice(0, 4000) : text) : ''
  const given = typeof language === 'string' ? language.trim().toLowerCase() : ''
  const lang = given && given !== 'und' ? given : detectLanguageWithConfidence(raw).language
  const folded = fold(raw)
  const greeting = firstGreeting(folded)
  const addressTerms: string[] = []
  const found = ADDRESS_TERMS.map((entry) => ({ term: entry.term, index: folded.search(entry.pattern) }))
    .filter((entry) => entry.index >= 0)
    .sort((a, b) => a.index - b.index)
  for (const { term } of found) if (!addressTerms.includes(term)) addressTerms.push(term)

  const base = {
    formality: formalityOf(folded, lang, greeting),
    greeting: greeting?.canonical ?? null,
    religiousGreeting: greeting?.religious ?? false,
    addressTerms,
  }
  return { ...base, notes: raw.trim() ? notesFor(base, lang, greeting) : [] }
}
