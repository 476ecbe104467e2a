/**
 * Text folded for matching as people type it: lower case, and ё/ң/ө/ү without their marks, so a
 * Kyrgyz word typed on a Russian keyboard ("койнок") finds "көйнөк". Shared by the inbox search
 * (which mirrors it in SQL as `soul_fold`) and the composer's quick-reply picker.
 */

/** Letters searched without their marks: ё→е, and Kyrgyz ң→н, ө→о, ү→у. */
const MARKS = new Map([...'ёңөү'].map((ch, i) => [ch, 'еноу'[i]!]))

/**
 * The folded form of a text, one code point for one code point (so positions in the folded text are
 * positions in the original): lower case, ё/ң/ө/ү without their marks. Mirrors SQL `soul_fold`.
 */
export function foldSearchText(text: string): string {
  let out = ''
  for (const ch of text) {
    const lower = ch.toLowerCase()
    // A letter whose lower case is longer (İ) stays as it is: one code point for one.
    const one = [...lower].length === 1 ? lower : ch
    out += MARKS.get(one) ?? one
  }
  return out
}
