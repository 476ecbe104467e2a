/** A message's earlier texts as the server stores them (`editHistory`), tolerating anything malformed. */
export interface PreviousText {
  content: string
  replacedAt: string
}

export function previousTexts(value: unknown): PreviousText[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (entry): entry is PreviousText =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as PreviousText).content === 'string' &&
      typeof (entry as PreviousText).replacedAt === 'string',
  )
}
