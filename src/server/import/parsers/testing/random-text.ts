/**
 * Seeded random text for fuzz tests: the same seed gives the same strings, so a failure can be replayed.
 */

export { seededRandom } from '../../../testing/seeded-random'

export type Random = () => number

/** A random integer in [min, max]. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

/** A random item of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

/** Code point ranges from many planes: scripts, RTL, combining marks, invisibles, emoji, private use. */
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0x20, 0x7e],
  [0x30, 0x39],
  [0xa0, 0xff],
  [0x400, 0x4ff],
  [0x400, 0x4ff],
  [0x4a0, 0x4ff],
  [0x500, 0x52f],
  [0x300, 0x36f],
  [0x483, 0x489],
  [0x590, 0x5ff],
  [0x600, 0x6ff],
  [0x750, 0x77f],
  [0x900, 0x97f],
  [0xe00, 0xe7f],
  [0x1100, 0x11ff],
  [0x200b, 0x200f],
  [0x2028, 0x202f],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
  [0x3040, 0x30ff],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xe000, 0xf8ff],
  [0xfe00, 0xfe0f],
  [0xfff0, 0xffff],
  [0x1f300, 0x1faff],
  [0x1f1e6, 0x1f1ff],
  [0x10000, 0x1007f],
  [0x1d400, 0x1d7ff],
  [0x20000, 0x2a6df],
  [0xe0000, 0xe007f],
  [0xf0000, 0xf00ff],
  [0x10fff0, 0x10ffff],
]

const SPECIALS = ['\n', '\r\n', '\r', '\t', ':', ': ', ' - ', '[', ']', ', ', '/', '.', '<', '>', '\u2028', '\u0000']

/** A random string of up to `maxLength` code points, including lone surrogates now and then. */
export function randomUnicode(random: Random, maxLength = 80): string {
  const length = randomInt(random, 0, maxLength)
  let out = ''
  for (let i = 0; i < length; i++) {
    const roll = random()
    if (roll < 0.03) out += String.fromCharCode(randomInt(random, 0xd800, 0xdfff))
    else if (roll < 0.12) out += pick(random, SPECIALS)
    else {
      const [low, high] = pick(random, RANGES)
      out += String.fromCodePoint(randomInt(random, low, high))
    }
  }
  return out
}
