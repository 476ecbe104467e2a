/**
 * Message text as PostgreSQL can store it and as people wrote it. PostgreSQL's text and jsonb refuse
 * NUL (U+0000), and a lone UTF-16 surrogate is no character at all (it cannot be encoded as UTF-8), so
 * both are removed; CRLF and CR line endings become LF. Everything else stays exactly as it was: emoji
 * and their ZWJ sequences, Cyrillic, right-to-left text, combining marks, other control characters.
 * One function for every way text comes in: from the engines, from tRPC (send, bulk, agents) and imports.
 */
import { z } from 'zod'

/** The longest outgoing message we accept (characters, after cleaning). */
export const MESSAGE_MAX_LENGTH = 4096

const NUL = '\u0000'
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const CR_LINE_ENDING = /\r\n?/g

/** Removes what PostgreSQL cannot store (NUL, lone surrogates); leaves line endings alone (ids, names). */
export function removeUnstorable(text: string): string {
  return text.replaceAll(NUL, '').replace(LONE_SURROGATE, '')
}

/** Cleans a message's text: NUL and lone surrogates removed, CRLF/CR → LF, nothing else changed. */
export function cleanMessageText(text: string): string {
  return removeUnstorable(text).replace(CR_LINE_ENDING, '\n')
}

/**
 * The text of an outgoing message (send, sendBulk) or of a quick reply: cleaned first, then checked, so
 * a text that is empty or too long once cleaned is refused before anything is created or counted.
 */
export const outgoingTextInput = z
  .string()
  .transform(cleanMessageText)
  .pipe(z.string().trim().min(1, 'validation.messageEmpty').max(MESSAGE_MAX_LENGTH, 'validation.messageTooLong'))

/** The caption of a photo or document: cleaned and checked like a text, but it may be empty. */
export const captionTextInput = z.string().transform(cleanMessageText).pipe(z.string().trim().max(MESSAGE_MAX_LENGTH, 'validation.messageTooLong'))
