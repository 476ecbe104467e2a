/**
 * The fingerprint of a bulk message's final text (after personalization), for the repeat protection:
 * case, Unicode form and spacing do not make a text "different".
 */
import { createHash } from 'node:crypto'

/** Lowercase, NFKC, whitespace collapsed, trimmed. */
export function normalizeBulkText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim()
}

/** SHA-256 (hex) of the normalized text. */
export function bulkContentHash(text: string): string {
  return createHash('sha256').update(normalizeBulkText(text)).digest('hex')
}
