/** A word list with weights: how strongly one word points to one language. */
export type Lexicon = ReadonlyMap<string, number>

/**
 * Builds a lexicon from groups of whitespace-separated words, each group with one weight. Words are
 * folded with the same function the tokenizer uses; a word listed twice keeps its highest weight.
 */
export function buildLexicon(groups: ReadonlyArray<readonly [number, string]>, fold: (word: string) => string): Lexicon {
  const map = new Map<string, number>()
  for (const [weight, words] of groups) {
    for (const word of words.split(/\s+/)) {
      if (!word) continue
      const key = fold(word.toLowerCase())
      map.set(key, Math.max(weight, map.get(key) ?? 0))
    }
  }
  return map
}
