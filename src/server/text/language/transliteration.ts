/**
 * Russian and Kyrgyz typed in Latin letters, read back into (folded) Cyrillic so the Cyrillic lexicons
 * and endings can judge them: "baasy" → "баасы", "jetkiresizbi" → "жеткиресизби", "pojaluysta" →
 * "пожалуйста". Phones without a Kyrgyz keyboard write ж as j/zh, ч as ch, ш as sh, ң as ng, ө/ү as
 * o/ö and u/ü, ы as y; Russian translit writes й as y or i, ц as c or ts, я as ya. A word can read
 * several ways, so this gives a few candidates (at most four), never an exhaustive list.
 */

/** Multi-letter spellings first: the longest match wins. */
const DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
  ['ya', 'я'],
  ['ia', 'я'],
  ['yu', 'ю'],
  ['iu', 'ю'],
  ['yo', 'е'],
  ['ye', 'е'],
  ['ng', 'н'],
]

const LETTERS: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  ö: 'о',
  ó: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  ü: 'у',
  ú: 'у',
  v: 'в',
  w: 'в',
  x: 'х',
  y: 'ы',
  z: 'з',
  ı: 'ы',
  ñ: 'н',
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'ö', 'ü', 'y', 'ó', 'ú'])

/** One reading: `y` after a vowel is й ("moy", "seychas"), otherwise ы; a leading `e` is е or э. */
function read(word: string, initialE: 'е' | 'э', ngAsNg: boolean): string | null {
  let out = ''
  let index = 0
  while (index < word.length) {
    const digraph = DIGRAPHS.find(([latin]) => word.startsWith(latin, index) && !(latin === 'ng' && ngAsNg))
    if (digraph) {
      out += digraph[1]
      index += digraph[0].length
      continue
    }
    const ch = word[index]!
    if (ch === "'" || ch === '’' || ch === 'ʼ') {
      out += 'ь'
      index++
      continue
    }
    if (ch === 'y' && index > 0 && VOWELS.has(word[index - 1]!) && word[index - 1] !== 'y') out += 'й'
    else if (ch === 'e' && index === 0) out += initialE
    else {
      const letter = LETTERS[ch]
      if (!letter) return null
      out += letter
    }
    index++
  }
  // Russian adjectives: "-yy", "-iy" are -ый, -ий.
  return out.replace(/ыы$/, 'ый').replace(/иы$/, 'ий')
}

/** Letters a reading knows; anything else (other diacritics, other scripts) has no reading. */
const READABLE = /^[a-zöüóúıñ'’ʼ]+$/

/** Longer "words" are not chat words (links, keyboard mashing): no reading. */
const MAX_WORD_LENGTH = 30

/** Folded Cyrillic readings of a lower-cased Latin word (empty when it has letters no reading knows). */
export function latinToCyrillic(word: string): string[] {
  if (word.length > MAX_WORD_LENGTH || !READABLE.test(word)) return []
  const readings = new Set<string>()
  for (const initialE of ['е', 'э'] as const) {
    for (const ngAsNg of [false, true]) {
      if (ngAsNg && !word.includes('ng')) continue
      if (initialE === 'э' && !word.startsWith('e')) continue
      const reading = read(word, initialE, ngAsNg)
      if (reading) readings.add(reading)
    }
  }
  return [...readings]
}
