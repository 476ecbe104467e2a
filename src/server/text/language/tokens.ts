/**
 * Splitting chat text into words and folding them, so that lexicons can be written once without the
 * letters phone keyboards often lack (Kyrgyz ң ө ү typed as н о у, Turkish ş as s, Uzbek oʻ as o).
 */

export type TokenScript = 'cyrillic' | 'latin' | 'other'

export interface Token {
  /** Lower-cased word as written (NFC). */
  raw: string
  /** Folded form used for lexicon look-ups. */
  folded: string
  script: TokenScript
}

const WORD = /[\p{L}\p{M}]+(?:['’ʻʼ‘`][\p{L}\p{M}]+)*/gu
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u
const LATIN_LETTER = /\p{Script=Latin}/u

/** Special letters of Cyrillic Turkic/Slavic alphabets, mapped to the base letters people type instead. */
const CYRILLIC_FOLD: Record<string, string> = {
  ё: 'е',
  ң: 'н',
  ө: 'о',
  ѳ: 'о',
  ү: 'у',
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ұ: 'у',
  һ: 'х',
  і: 'и',
  ў: 'у',
  ҳ: 'х',
  ҷ: 'ч',
  ӣ: 'и',
  ӯ: 'у',
  ї: 'и',
  є: 'е',
  ґ: 'г',
  ҫ: 'с',
  ӑ: 'а',
  ӗ: 'е',
}

const LATIN_FOLD: Record<string, string> = {
  ş: 's',
  ı: 'i',
  ğ: 'g',
  ç: 'c',
  ö: 'o',
  ü: 'u',
  â: 'a',
  î: 'i',
  û: 'u',
  ä: 'a',
  ñ: 'n',
  é: 'e',
  è: 'e',
  ê: 'e',
  á: 'a',
  à: 'a',
  ó: 'o',
  ò: 'o',
  í: 'i',
  ú: 'u',
  ß: 'ss',
}

/** Latin letters that look like Cyrillic ones: a mostly-Cyrillic word with a stray Latin `c` is Cyrillic. */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  b: 'в',
  h: 'н',
  i: 'і',
}

/** Folds a Cyrillic word: special letters to their base forms, combining marks dropped. */
export function foldCyrillic(word: string): string {
  let out = ''
  for (const ch of word) out += CYRILLIC_FOLD[ch] ?? ch
  return out.replace(/\p{M}/gu, '')
}

/** Folds a Latin word: diacritics and apostrophes dropped (`yoʻq` → `yoq`, `teşekkür` → `tesekkur`). */
export function foldLatin(word: string): string {
  let out = ''
  for (const ch of word) out += LATIN_FOLD[ch] ?? ch
  return out
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’ʻʼ‘`]/g, '')
}

function scriptOf(word: string): { script: TokenScript; word: string } {
  let cyrillic = 0
  let latin = 0
  for (const ch of word) {
    if (CYRILLIC_LETTER.test(ch)) cyrillic++
    else if (LATIN_LETTER.test(ch)) latin++
  }
  if (cyrillic > 0 && cyrillic >= latin) {
    if (latin === 0) return { script: 'cyrillic', word }
    let fixed = ''
    for (const ch of word) fixed += LATIN_TO_CYRILLIC[ch] ?? ch
    return { script: 'cyrillic', word: fixed }
  }
  if (latin > 0) return { script: 'latin', word }
  return { script: 'other', word }
}

/** The words of a text, lower-cased and folded. Numbers, emoji and punctuation are not words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const normalized = text.normalize('NFC').toLowerCase()
  for (const match of normalized.matchAll(WORD)) {
    const { script, word } = scriptOf(match[0])
    const folded = script === 'cyrillic' ? foldCyrillic(word) : script === 'latin' ? foldLatin(word) : word
    if (folded.length === 0) continue
    tokens.push({ raw: word, folded, script })
  }
  return tokens
}
