/**
 * Quick replies (issue 13 point 4): the rules shared by the server (validation, the list's order) and the
 * browser (the admin form, the composer's `/` picker). One source for what a shortcut may be and which
 * replies come first for a client.
 */
import { z } from 'zod'
import { foldSearchText } from './fold-text'
import { outgoingTextInput } from './message-text'

/** The languages a reply can be written for; null means "for any language". */
export const QUICK_REPLY_LANGUAGES = ['ru', 'ky', 'en'] as const
export type QuickReplyLanguage = (typeof QUICK_REPLY_LANGUAGES)[number]

export const QUICK_REPLY_SHORTCUT_MAX = 32
/** How many quick replies one organization may keep: a picker, not a knowledge base. */
export const QUICK_REPLIES_MAX = 300

/** Lower-case Latin and Cyrillic (Kyrgyz ң ө ү included) letters, digits, `-` and `_`. */
const SHORTCUT_PATTERN = /^[a-z0-9а-яёңөү_-]+$/u

/**
 * A shortcut as an admin types it: a leading `/` and surrounding spaces are dropped and letters are
 * lower-cased (so "/Price" is "price"), then checked. Errors are i18n keys under `validation.`.
 */
export const quickReplyShortcutInput = z
  .string()
  .transform((value) => value.trim().replace(/^\/+/, '').toLocaleLowerCase())
  .pipe(z.string().min(1, 'validation.required').max(QUICK_REPLY_SHORTCUT_MAX).regex(SHORTCUT_PATTERN, 'validation.quickReplyShortcut'))

/** A reply's text, cleaned like an outgoing message (shared/message-text.ts) and then checked. */
export const quickReplyTextInput = outgoingTextInput

export const quickReplyLanguageInput = z.enum(QUICK_REPLY_LANGUAGES).nullable()

/** The language a client's `preferredLanguage` means for quick replies (anything else: unknown). */
export function quickReplyLanguageOf(preferredLanguage: string | null | undefined): QuickReplyLanguage | null {
  return (QUICK_REPLY_LANGUAGES as readonly string[]).includes(preferredLanguage ?? '') ? (preferredLanguage as QuickReplyLanguage) : null
}

export interface QuickReplyLike {
  shortcut: string
  text: string
  language: string | null
}

/** 0: the client's language, 1: any language, 2: another language. */
function languageRank(language: string | null, clientLanguage: QuickReplyLanguage | null): number {
  if (language === null) return 1
  return clientLanguage !== null && language === clientLanguage ? 0 : 2
}

/** 0: the shortcut starts with the query, 1: the shortcut contains it, 2: the text contains it; null: no match. */
function matchRank(reply: QuickReplyLike, foldedQuery: string): number | null {
  if (foldedQuery === '') return 0
  const shortcut = foldSearchText(reply.shortcut)
  if (shortcut.startsWith(foldedQuery)) return 0
  if (shortcut.includes(foldedQuery)) return 1
  return foldSearchText(reply.text).includes(foldedQuery) ? 2 : null
}

/**
 * The replies matching `query` (by shortcut or text, case-insensitively, Kyrgyz letters also typed
 * without their marks), in the order the picker shows them: the client's language first, then replies
 * for any language, then the others; within each, shortcuts starting with the query before those
 * containing it, before a match in the text only; then by shortcut.
 */
export function rankQuickReplies<T extends QuickReplyLike>(replies: readonly T[], query: string, clientLanguage: string | null | undefined): T[] {
  const language = quickReplyLanguageOf(clientLanguage)
  const folded = foldSearchText(query.trim().replace(/^\/+/, ''))
  const languageOrder = (value: string | null) => (value === null ? -1 : QUICK_REPLY_LANGUAGES.indexOf(value as QuickReplyLanguage))
  return replies
    .map((reply) => ({ reply, match: matchRank(reply, folded) }))
    .filter((entry): entry is { reply: T; match: number } => entry.match !== null)
    .sort(
      (a, b) =>
        languageRank(a.reply.language, language) - languageRank(b.reply.language, language) ||
        a.match - b.match ||
        a.reply.shortcut.localeCompare(b.reply.shortcut) ||
        languageOrder(a.reply.language) - languageOrder(b.reply.language),
    )
    .map((entry) => entry.reply)
}

/**
 * The `/query` being typed just before the caret, if any: a `/` at the start of the text or after
 * whitespace, followed by anything but whitespace. `start` is the index of the `/`.
 */
export function quickReplyQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)\/([^\s/]{0,64})$/u.exec(text.slice(0, caret))
  if (!match) return null
  return { start: caret - match[1]!.length - 1, query: match[1]! }
}

/** The text with the `/query` (from `start` to `caret`) replaced by `insert`, and where the caret goes. */
export function insertQuickReply(text: string, start: number, caret: number, insert: string): { text: string; caret: number } {
  return { text: `${text.slice(0, start)}${insert}${text.slice(caret)}`, caret: start + insert.length }
}
