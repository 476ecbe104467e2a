/** A file's first bytes, kept while it streams into the store, for sniffing its type (file-type). */

/** How many leading bytes a type is sniffed from (file-type's default sample size). */
export const SNIFF_BYTES = 4100

/** Passes every chunk of `source` on and keeps its first SNIFF_BYTES (`head()` once it has been read). */
export function keepHead(source: AsyncIterable<Uint8Array>): { chunks: AsyncIterable<Uint8Array>; head: () => Uint8Array } {
  const parts: Uint8Array[] = []
  let kept = 0
  async function* chunks() {
    for await (const chunk of source) {
      if (kept < SNIFF_BYTES) {
        const part = chunk.subarray(0, SNIFF_BYTES - kept)
        parts.push(Uint8Array.from(part))
        kept += part.length
      }
      yield chunk
    }
  }
  return { chunks: chunks(), head: () => Buffer.concat(parts) }
}
