/**
 * Languages told by their writing system alone (Korean, Georgian, Greek…), and the special letters
 * that tell Cyrillic Turkic and Slavic alphabets apart (Kyrgyz ң ө ү, Kazakh ә ғ қ ұ һ і, Uzbek ў…).
 */

/** Scripts that name one language, with the code we answer. */
const SCRIPT_LANGUAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Arabic}/u, 'ar'],
]

const LETTER = /\p{L}/u
const CYRILLIC_OR_LATIN = /[\p{Script=Cyrillic}\p{Script=Latin}]/u

export interface ScriptCensus {
  letters: number
  cyrillicOrLatin: number
  /** The language of the dominant non-Cyrillic, non-Latin script, if any, and its share of letters. */
  scriptLanguage: { language: string; share: number } | null
}

/** Arabic-script text is Arabic unless letters of Uyghur, Urdu or Persian say otherwise. */
function arabicScriptLanguage(text: string): string {
  if (/[ۆۈېڭ]/.test(text)) return 'ug'
  if (/[ٹڈڑںے]/.test(text)) return 'ur'
  if (/[پچژگ]/.test(text)) return 'fa'
  return 'ar'
}

/** Counts letters by script and names the language of a dominant single-language script. */
export function censusScripts(text: string): ScriptCensus {
  let letters = 0
  let cyrillicOrLatin = 0
  const counts = new Map<string, number>()
  for (const ch of text) {
    if (!LETTER.test(ch)) continue
    letters++
    if (CYRILLIC_OR_LATIN.test(ch)) {
      cyrillicOrLatin++
      continue
    }
    for (const [pattern, language] of SCRIPT_LANGUAGES) {
      if (pattern.test(ch)) {
        counts.set(language, (counts.get(language) ?? 0) + 1)
        break
      }
    }
  }
  let scriptLanguage: ScriptCensus['scriptLanguage'] = null
  // Japanese mixes kana with Han: any kana makes Han-script text Japanese.
  if (counts.has('ja') && counts.has('zh')) {
    counts.set('ja', (counts.get('ja') ?? 0) + (counts.get('zh') ?? 0))
    counts.delete('zh')
  }
  for (const [language, count] of counts) {
    if (!scriptLanguage || count / letters > scriptLanguage.share) scriptLanguage = { language, share: count / letters }
  }
  if (scriptLanguage?.language === 'ar') scriptLanguage.language = arabicScriptLanguage(text)
  return { letters, cyrillicOrLatin, scriptLanguage }
}

export interface SpecialLetters {
  /** ң ө ү: Kyrgyz (also Kazakh). */
  kyrgyz: boolean
  /** ә ұ һ: Kazakh only. */
  kazakh: boolean
  /** ғ қ: Kazakh, Uzbek, Tajik. */
  kazakhOrUzbek: boolean
  /** і: Kazakh, Ukrainian, Belarusian. */
  dottedI: boolean
  /** ў: Uzbek, Belarusian. */
  shortU: boolean
  /** ҳ: Uzbek, Tajik. */
  uzbekH: boolean
  /** ҷ ӣ ӯ: Tajik. */
  tajik: boolean
  /** ї є ґ: Ukrainian. */
  ukrainian: boolean
}

/** Which special Cyrillic letters a (lower-cased) text contains. */
export function findSpecialLetters(lower: string): SpecialLetters {
  return {
    kyrgyz: /[ңөүѳ]/.test(lower),
    kazakh: /[әұһ]/.test(lower),
    kazakhOrUzbek: /[ғқ]/.test(lower),
    dottedI: /і/.test(lower),
    shortU: /ў/.test(lower),
    uzbekH: /ҳ/.test(lower),
    tajik: /[ҷӣӯ]/.test(lower),
    ukrainian: /[їєґ]/.test(lower),
  }
}

/**
 * The languages a word's special letters point to, with weights, given the letters of the whole text:
 * `ң` is Kyrgyz unless the text also has Kazakh letters; `қ` alone may be Kazakh or Uzbek.
 */
export function specialLetterLanguages(word: string, text: SpecialLetters): Array<readonly [string, number]> {
  const letters = findSpecialLetters(word)
  const kazakhText = text.kazakh || (text.dottedI && !text.ukrainian)
  const uzbekText = text.shortU || text.uzbekH
  if (letters.tajik) return [['tg', 1]]
  if (letters.ukrainian || (letters.dottedI && text.ukrainian)) return [['uk', 1]]
  if (letters.shortU) return [[text.dottedI ? 'be' : 'uz', 1]]
  if (letters.uzbekH) return [[text.tajik ? 'tg' : kazakhText && !text.shortU ? 'kk' : 'uz', 1]]
  if (letters.kazakh) return [['kk', 1]]
  if (letters.kazakhOrUzbek) {
    if (uzbekText && !kazakhText) return [['uz', 1]]
    if (kazakhText || text.kyrgyz) return [['kk', 1]]
    return [
      ['kk', 0.5],
      ['uz', 0.5],
    ]
  }
  if (letters.dottedI)
    return kazakhText && (text.kazakh || text.kazakhOrUzbek || text.kyrgyz)
      ? [['kk', 1]]
      : [
          ['uk', 0.5],
          ['kk', 0.5],
        ]
  if (letters.kyrgyz) return kazakhText || text.kazakhOrUzbek ? [['kk', 1]] : [['ky', 1]]
  return []
}
