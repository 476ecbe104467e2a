/**
 * The chat list read straight from WhatsApp Web's Store, for the history import. The library's
 * `client.getChats()` (Client.js:1668-1674) builds a full model per chat (Injected/Utils.js:920-926 →
 * getChatModel at 938-1000: serializes every chat, awaits GroupMetadata.update for each group and looks
 * up each last message), which on a large account is slow and can hit Puppeteer's protocol timeout. The
 * import needs only ids, the group flag, names and timestamps.
 */

/** One chat as the page hands it over (plain JSON). */
export interface PageChat {
  id: string
  name?: string
  isGroup: boolean
  unreadCount: number
  /** Unix seconds of the last activity (the Chat model's `t`, which Chat.js:52 exposes as `timestamp`). */
  t?: number
}

interface StoreChat {
  id: { _serialized: string; server?: string }
  formattedTitle?: string
  groupMetadata?: unknown
  unreadCount?: number
  t?: number
}

/**
 * Runs INSIDE the page through `pupPage.evaluate` (Puppeteer serializes the function's source), so it
 * may use only what WhatsApp Web defines: `require('WAWebCollections').Chat`, as the library does at
 * Injected/Utils.js:921. The group test is the library's own: a chat with `groupMetadata`
 * (Injected/Utils.js:952-954), or a `g.us` id.
 */
export function listChatsInPage(): PageChat[] {
  const page = globalThis as unknown as { require(name: 'WAWebCollections'): { Chat: { getModelsArray(): StoreChat[] } } }
  return page
    .require('WAWebCollections')
    .Chat.getModelsArray()
    .map((chat) => ({
      id: chat.id._serialized,
      name: chat.formattedTitle || undefined,
      isGroup: Boolean(chat.groupMetadata) || chat.id.server === 'g.us' || chat.id._serialized.endsWith('@g.us'),
      unreadCount: chat.unreadCount ?? 0,
      t: chat.t,
    }))
}
