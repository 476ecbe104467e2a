/**
 * Evidence from the shape of words no lexicon knows. Kyrgyz is agglutinative with vowel harmony,
 * no native words starting with two consonants or with р/л/в/ф/ц, and long vowels (аа, оо, үү);
 * Russian has its own endings (-ться, -ого, -ает) and letters Kyrgyz only has in loans (ь ъ щ ц ф ё).
 * Each rule is weak on its own; together they decide words like `жеткиресизби` or `закрываетесь`.
 */
import { KYRGYZ_LEXICON } from './lexicon-kyrgyz'
import { isSharedLoanStem, russianWordWeight } from './lexicon-russian'

export type Evidence = Record<string, number>

/** Kyrgyz endings (folded: ң→н, ө→о, ү→у) and how Kyrgyz they are; longer endings first. */
const KYRGYZ_SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ['сыздарбы', 1.0],
  ['сиздерби', 1.0],
  ['сиздер', 0.8],
  ['сыздар', 0.8],
  ['ыныздар', 0.9],
  ['ыныз', 0.9],
  ['иниз', 0.9],
  ['унуз', 0.9],
  ['ныз', 0.8],
  ['низ', 0.8],
  ['нуз', 0.8],
  ['сызбы', 1.0],
  ['сизби', 1.0],
  ['сузбу', 1.0],
  ['бызбы', 1.0],
  ['бизби', 1.0],
  ['ыбыз', 0.8],
  ['ибиз', 0.8],
  ['быз', 0.7],
  ['биз', 0.7],
  ['буз', 0.7],
  ['пыз', 0.7],
  ['пиз', 0.7],
  ['пуз', 0.7],
  ['сыз', 0.6],
  ['сиз', 0.6],
  ['суз', 0.6],
  ['дагы', 0.8],
  ['деги', 0.8],
  ['тагы', 0.8],
  ['теги', 0.8],
  ['догу', 0.8],
  ['гыла', 0.8],
  ['гиле', 0.8],
  ['гула', 0.8],
  ['кыла', 0.7],
  ['киле', 0.7],
  ['ганда', 0.8],
  ['генде', 0.8],
  ['гонда', 0.8],
  ['ганбы', 1.0],
  ['генби', 1.0],
  ['мын', 0.6],
  ['мин', 0.5],
  ['мун', 0.6],
  ['сын', 0.3],
  ['дарбы', 1.0],
  ['ларбы', 1.0],
  ['лерби', 1.0],
  ['ларды', 0.9],
  ['лерди', 0.9],
  ['дарды', 0.9],
  ['терди', 0.9],
  ['лар', 0.5],
  ['лер', 0.5],
  ['лор', 0.6],
  ['дар', 0.4],
  ['дер', 0.4],
  ['дор', 0.5],
  ['тар', 0.4],
  ['тер', 0.3],
  ['нын', 0.6],
  ['нин', 0.5],
  ['нун', 0.6],
  ['дын', 0.6],
  ['дин', 0.4],
  ['дун', 0.6],
  ['тын', 0.6],
  ['тин', 0.4],
  ['тун', 0.5],
  ['дан', 0.45],
  ['ден', 0.45],
  ['дон', 0.45],
  ['тан', 0.4],
  ['тен', 0.4],
  ['тон', 0.3],
  ['нан', 0.45],
  ['нен', 0.45],
  ['ган', 0.45],
  ['ген', 0.45],
  ['гон', 0.5],
  ['кан', 0.35],
  ['кен', 0.4],
  ['кон', 0.3],
  ['сам', 0.5],
  ['сем', 0.5],
  ['сак', 0.5],
  ['сек', 0.5],
  ['саныз', 0.9],
  ['сениз', 0.9],
  ['дым', 0.6],
  ['дим', 0.5],
  ['дум', 0.6],
  ['тым', 0.6],
  ['тим', 0.5],
  ['тум', 0.6],
  ['бы', 0.5],
  ['би', 0.4],
  ['бу', 0.5],
  ['пы', 0.5],
  ['пи', 0.4],
  ['пу', 0.5],
  ['мы', 0.3],
  ['му', 0.4],
  ['чы', 0.5],
  ['чи', 0.3],
  ['чу', 0.5],
  ['лык', 0.5],
  ['лик', 0.4],
  ['дык', 0.5],
  ['тык', 0.5],
  ['луу', 0.8],
  ['ып', 0.4],
  ['ип', 0.3],
  ['уп', 0.4],
  ['ат', 0.3],
  ['ет', 0.2],
  ['от', 0.3],
  ['йт', 0.5],
  ['йм', 0.6],
  ['ны', 0.25],
  ['ни', 0.15],
  ['ну', 0.2],
  ['ды', 0.3],
  ['ди', 0.2],
  ['ду', 0.25],
  ['ты', 0.2],
  ['ту', 0.2],
  ['га', 0.3],
  ['ге', 0.35],
  ['го', 0.2],
  ['ка', 0.1],
  ['ке', 0.2],
  ['ко', 0.2],
  ['да', 0.25],
  ['де', 0.25],
  ['до', 0.2],
  ['та', 0.1],
  ['те', 0.1],
  ['сы', 0.3],
  ['си', 0.25],
  ['су', 0.3],
]

/** Kyrgyz case endings that attach to Russian loans (`доставкага`, `заказды`, `размерлер`). */
const LOAN_CASE_SUFFIXES = new Set([
  'га',
  'ге',
  'ка',
  'ке',
  'да',
  'де',
  'та',
  'те',
  'дан',
  'ден',
  'тан',
  'тен',
  'нан',
  'нен',
  'ны',
  'ни',
  'ды',
  'ди',
  'ты',
  'ти',
  'нын',
  'нин',
  'дын',
  'дин',
  'тын',
  'тин',
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  'сы',
  'си',
  'бы',
  'би',
  'пы',
  'пи',
  'ыныз',
  'иниз',
  'ныз',
  'низ',
  'ларды',
  'лерди',
  'дарбы',
  'ларбы',
  'лерби',
  'дагы',
  'деги',
  'тагы',
  'теги',
])

/** Russian endings (folded) and how Russian they are. */
const RUSSIAN_SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ['ться', 0.9],
  ['тся', 0.8],
  ['ешься', 0.9],
  ['ишься', 0.9],
  ['есь', 0.7],
  ['ись', 0.6],
  ['ась', 0.6],
  ['ость', 0.8],
  ['ение', 0.8],
  ['ения', 0.8],
  ['ание', 0.8],
  ['ания', 0.8],
  ['ция', 0.7],
  ['ции', 0.7],
  ['ство', 0.7],
  ['ства', 0.7],
  ['ать', 0.6],
  ['ять', 0.6],
  ['еть', 0.6],
  ['ить', 0.6],
  ['уть', 0.6],
  ['ает', 0.6],
  ['яет', 0.6],
  ['еет', 0.6],
  ['ует', 0.6],
  ['ают', 0.7],
  ['яют', 0.7],
  ['уют', 0.7],
  ['ешь', 0.7],
  ['ишь', 0.7],
  ['ете', 0.5],
  ['ите', 0.5],
  ['айте', 0.7],
  ['ойте', 0.7],
  ['уйте', 0.7],
  ['ого', 0.6],
  ['его', 0.6],
  ['ому', 0.6],
  ['ему', 0.6],
  ['ыми', 0.5],
  ['ими', 0.5],
  ['ыми', 0.5],
  ['ая', 0.45],
  ['яя', 0.45],
  ['ое', 0.4],
  ['ее', 0.3],
  ['ые', 0.45],
  ['ие', 0.4],
  ['ый', 0.5],
  ['ий', 0.4],
  ['ую', 0.45],
  ['юю', 0.45],
  ['лся', 0.7],
  ['лась', 0.7],
  ['лось', 0.7],
  ['лись', 0.7],
  ['ала', 0.3],
  ['ила', 0.35],
  ['ела', 0.35],
  ['ало', 0.3],
  ['ило', 0.35],
  ['али', 0.25],
  ['или', 0.3],
  ['ели', 0.3],
  ['ешь', 0.7],
  ['ов', 0.4],
  ['ев', 0.4],
  ['ой', 0.2],
  ['ом', 0.2],
  ['ем', 0.2],
]

const FRONT = new Set(['е', 'э', 'и', 'ө', 'ү', 'ә', 'і'])
const BACK = new Set(['а', 'о', 'у', 'ы', 'ұ'])
const VOWELS = new Set([...FRONT, ...BACK, 'я', 'ю', 'ё'])
const LOAN_ONLY_LETTERS = /[щъьёцф]/
const LONG_VOWEL = /аа|оо|уу|ыы|ээ|өө|үү/
const TWO_INITIAL_CONSONANTS = /^[бвгджзйклмнпрстфхцчшщ][бвгджзклмнпрстфхцчшщ]/
const NON_TURKIC_INITIAL = /^[рлвфцщ]/

function endingMatch(word: string, table: ReadonlyArray<readonly [string, number]>): { suffix: string; weight: number } | null {
  let best: { suffix: string; weight: number } | null = null
  for (const [suffix, weight] of table) {
    if (word.length - suffix.length < 2 || !word.endsWith(suffix)) continue
    const stem = word.slice(0, -suffix.length)
    if (![...stem].some((ch) => VOWELS.has(ch))) continue
    if (!best || suffix.length > best.suffix.length || (suffix.length === best.suffix.length && weight > best.weight)) {
      best = { suffix, weight }
    }
  }
  return best
}

function mixesHarmony(raw: string): boolean {
  let front = false
  let back = false
  for (const ch of raw) {
    if (FRONT.has(ch)) front = true
    else if (BACK.has(ch)) back = true
  }
  return front && back
}

/**
 * Evidence for a Cyrillic word that no lexicon lists. `raw` is the lower-cased word as written,
 * `folded` the same with special letters folded.
 */
export function cyrillicShapeEvidence(raw: string, folded: string): Evidence {
  let ky = 0
  let ru = 0
  const kySuffix = endingMatch(folded, KYRGYZ_SUFFIXES)
  if (kySuffix) {
    const stem = folded.slice(0, -kySuffix.suffix.length)
    if (KYRGYZ_LEXICON.has(stem)) ky += Math.max(0.9, kySuffix.weight)
    else if (LOAN_CASE_SUFFIXES.has(kySuffix.suffix) && (isSharedLoanStem(stem) || isSharedLoanStem(stem + 'а'))) {
      ky += 1.0
    } else ky += kySuffix.weight
  }
  if (LONG_VOWEL.test(raw)) ky += 0.6

  const ruSuffix = endingMatch(folded, RUSSIAN_SUFFIXES)
  if (ruSuffix) ru += ruSuffix.weight
  if (LOAN_ONLY_LETTERS.test(raw)) ru += 0.5
  else if (raw.includes('в')) ru += 0.25
  if (TWO_INITIAL_CONSONANTS.test(raw)) ru += 0.5
  if (NON_TURKIC_INITIAL.test(raw)) ru += 0.3
  if (mixesHarmony(raw) && !LONG_VOWEL.test(raw)) ru += 0.2
  // A longer word with consistent vowel harmony and nothing Russian about it leans Kyrgyz, slightly.
  if (ky === 0 && ru === 0 && folded.length >= 4 && [...raw].filter((ch) => VOWELS.has(ch)).length >= 2) ky += 0.2
  // A Russian stem with a Kyrgyz ending is Kyrgyz grammar: the stem's Russian look must not win.
  if (kySuffix && ky >= 0.8 && russianWordWeight(folded) === 0) ru *= 0.4
  return { ky, ru }
}

const ENGLISH_SHAPES: ReadonlyArray<readonly [RegExp, number]> = [
  [/ing$/, 0.5],
  [/tion$|sion$/, 0.6],
  [/ly$/, 0.3],
  [/ed$/, 0.3],
  [/th/, 0.4],
  [/wh/, 0.5],
  [/ck/, 0.3],
  [/ou/, 0.2],
  [/ght/, 0.6],
  [/'s$|’s$/, 0.5],
  [/[^aeiou]y$/, 0.15],
]

/** Evidence for a Latin word that no lexicon lists (`raw` keeps diacritics and apostrophes). */
export function latinShapeEvidence(raw: string, folded: string): Evidence {
  const evidence: Evidence = {}
  const add = (language: string, weight: number) => {
    evidence[language] = (evidence[language] ?? 0) + weight
  }
  if (/[ışğ]/.test(raw)) add('tr', 1.0)
  else if (/[çöü]/.test(raw)) add('tr', 0.3)
  if (/[og][ʻ'‘’`]/.test(raw) && /o[ʻ'‘’`]|g[ʻ'‘’`]/.test(raw) && !/'(s|t|re|ll|ve|d|m)$/.test(raw)) add('uz', 1.0)
  if (/q(?!u)/.test(folded)) add('uz', 0.5)
  if (/zh|kh|shch|yy$|iy$|ogo$|aya$/.test(folded)) add('ru', 0.4)
  for (const [pattern, weight] of ENGLISH_SHAPES) if (pattern.test(raw)) add('en', weight)
  return evidence
}
