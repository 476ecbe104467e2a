/**
 * What WhatsApp writes into exports instead of content: media placeholders ("<Media omitted>",
 * "image omitted", "<attached: …>", "IMG-….jpg (file attached)") and system notices (encryption,
 * group events, deleted messages), in the languages our clients' phones use.
 */

export type MediaKind = 'image' | 'video' | 'audio' | 'sticker' | 'gif' | 'document' | 'contact' | 'unknown'

export interface MediaPlaceholder {
  kind: MediaKind
  /** Text after the placeholder on the same line (a caption), trimmed; '' when none. */
  caption: string
  /** The media file's name in the export's .zip (`IMG-20240101-WA0001.jpg`), when the line names it. */
  fileName?: string
}

/** Invisible direction marks and the BOM: structure, not text. */
export const INVISIBLE_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/** Strips invisible marks at both ends (not inside) of a piece of text. */
export function trimInvisible(text: string): string {
  return text.replace(/^[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\s]+|[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\s]+$/g, '')
}

const OMITTED_WHOLE = new RegExp(
  '^<(?:media omitted|медиа ?(?:файлы)? ?(?:отсутству[ею]т|опущены)|без медиафайлов|медиафайл (?:опущен|пропущен)|' +
    'файл (?:опущен|пропущен)|multimedia omitido|archivo omitido|medien ausgeschlossen|medya dahil edilmedi|' +
    'mídia oculta|arquivo de mídia oculto|médias omis|media weggelaten|media omessi|медіа пропущено)>',
  'i',
)

const OMITTED_KIND: ReadonlyArray<readonly [RegExp, MediaKind]> = [
  [/^(?:image|photo|изображение|фото|фотография|bild|imagen|görüntü) (?:omitted|отсутствует|опущено|пропущено|weggelassen|omitida|dahil edilmedi)/i, 'image'],
  [/^(?:video|видео) (?:omitted|отсутствует|опущено|пропущено|weggelassen|omitido|dahil edilmedi)/i, 'video'],
  [/^(?:audio|аудио|аудиофайл|голосовое сообщение) (?:omitted|отсутствует|опущено|опущен|пропущено|пропущен|weggelassen|omitido|dahil edilmedi)/i, 'audio'],
  [/^(?:sticker|стикер) (?:omitted|отсутствует|опущен|пропущен|weggelassen|omitido|dahil edilmedi)/i, 'sticker'],
  [/^gif (?:omitted|отсутствует|опущен|пропущен|weggelassen|omitido|dahil edilmedi)/i, 'gif'],
  [/^(?:contact card|карточка контакта|kontaktkarte) (?:omitted|отсутствует|опущена|пропущена|weggelassen)/i, 'contact'],
  [/^(?:.{0,200}?\s)?(?:document|документ|dokument|documento|belge) (?:omitted|отсутствует|опущен|пропущен|weggelassen|omitido|dahil edilmedi)/i, 'document'],
]

const ATTACHED = /^<(?:attached|прикреплено|приложено|вложение|anhang|adjunto|allegato|pièce jointe|anexo|ekli|dosya eklendi): ([^>\n]{1,300})>/i
const FILE_ATTACHED =
  /^(\S[^\n]{0,300}?\.[a-z0-9]{2,5}) \((?:file attached|файл прикреп(?:лен|лён)|файл приложен|файл добавлен|файл тиркелди|datei angehängt|archivo adjunto|dosya ekli|fichier joint|arquivo anexado)\)/i

function kindOfFileName(name: string): MediaKind {
  const lower = name.toLowerCase()
  if (/photo|img-|\.(jpe?g|png|heic|webp)$/.test(lower)) return /\.webp$/.test(lower) || /sticker|stk-/.test(lower) ? 'sticker' : 'image'
  if (/video|vid-|\.(mp4|mov|3gp|avi|mkv)$/.test(lower)) return 'video'
  if (/audio|ptt-|aud-|\.(opus|ogg|m4a|mp3|aac|wav)$/.test(lower)) return 'audio'
  if (/gif|\.gif$/.test(lower)) return 'gif'
  if (/\.vcf$/.test(lower)) return 'contact'
  if (/\.(pdf|docx?|xlsx?|pptx?|txt|zip|rar|csv)$/.test(lower)) return 'document'
  return 'unknown'
}

/** The file name a placeholder gives, without invisible marks (the zip's entry is looked up by it). */
function named(raw: string | undefined): { fileName?: string } {
  const name = raw ? trimInvisible(raw.replace(INVISIBLE_MARKS, '')) : ''
  return name ? { fileName: name } : {}
}

/** The media placeholder a message line starts with, or null for an ordinary message. */
export function matchMediaPlaceholder(line: string): MediaPlaceholder | null {
  const text = trimInvisible(line)
  const whole = OMITTED_WHOLE.exec(text)
  if (whole) return { kind: 'unknown', caption: trimInvisible(text.slice(whole[0].length)) }
  const attached = ATTACHED.exec(text)
  if (attached) return { kind: kindOfFileName(attached[1] ?? ''), caption: trimInvisible(text.slice(attached[0].length)), ...named(attached[1]) }
  const file = FILE_ATTACHED.exec(text)
  if (file) return { kind: kindOfFileName(file[1] ?? ''), caption: trimInvisible(text.slice(file[0].length)), ...named(file[1]) }
  const withoutMarks = text.replace(INVISIBLE_MARKS, '')
  for (const [pattern, kind] of OMITTED_KIND) {
    const match = pattern.exec(withoutMarks)
    if (match && match[0].length === withoutMarks.length) return { kind, caption: '' }
  }
  return null
}

/** Notices that are system lines wherever they appear, even after an author (iOS writes the chat name). */
const ALWAYS_SYSTEM: readonly RegExp[] = [
  /^messages and calls are end-to-end encrypted/i,
  /^messages to this (?:group|chat) are now secured with end-to-end encryption/i,
  /^сообщения и звонки защищены сквозным шифрованием/i,
  /^сообщения в (?:этой группе|этом чате) (?:теперь )?защищены сквозным шифрованием/i,
  /^your security code with .{1,100} changed/i,
  /^ваш код безопасности .{1,100} изменился/i,
  /disappearing messages (?:were )?turned (?:on|off)|turned (?:on|off) disappearing messages/i,
  /исчезающие сообщения (?:включены|отключены)|(?:включил|отключил)\S* исчезающие сообщения/i,
  /^this (?:chat|group) is with a business account|^(?:этот чат|эта группа) (?:ведётся|ведется) с бизнес-аккаунтом/i,
]

/** Group events: system lines when they stand without an author (or after an iOS invisible mark). */
const GROUP_EVENTS: readonly RegExp[] = [
  / (?:created group|created this group|создал(?:и|а|\(а\))? (?:эту )?группу)/i,
  / (?:added|removed|left|joined using this group's invite link|joined using this community's invite link|joined|was added|were added)\b/i,
  / (?:changed (?:the subject|this group's icon|the group description|their phone number|the group settings|to)|deleted this group's icon|is now an admin|are now an admin|no longer an admin)/i,
  /^(?:you|вы) (?:added|removed|left|joined|changed|добавили|удалили|вышли|изменили|присоединились)/i,
  / (?:добавил|удалил|вышел|покинул|изменил|сменил|присоединил(?:ся|ась))(?:а|\(а\)|-?\(?ла\)?)?(?:\s|$)/i,
  / (?:теперь администратор|больше не администратор)/i,
]

/**
 * "Deleted for everyone", as the export writes it in the deleted message's place, after its author:
 * Android "This message was deleted" / "You deleted this message" (ru "Данное сообщение удалено",
 * "Вы удалили данное сообщение", older "Это сообщение удалено", "Вы удалили это сообщение"); iOS the
 * same behind U+200E and with a full stop ("‎This message was deleted.").
 */
const DELETED_NOTICE =
  /^(?:you deleted this message|this message was deleted|вы удалили (?:это|данное) сообщение|(?:это|данное) сообщение (?:было )?удалено|сообщение удалено)\.?$/i

/** Whether a body (after an author) is the notice of a deleted message. */
export function isDeletedNotice(body: string): boolean {
  return DELETED_NOTICE.test(trimInvisible(body))
}

/** Whether a body (after an author) is really a system notice. `hadMark`: the body began with U+200E. */
export function isSystemBody(body: string, hadMark: boolean): boolean {
  const text = trimInvisible(body)
  if (ALWAYS_SYSTEM.some((pattern) => pattern.test(text))) return true
  return hadMark && text.length < 300 && GROUP_EVENTS.some((pattern) => pattern.test(` ${text}`))
}

/** Android's marker on edited messages; structure, not text. */
export const EDITED_MARKER =
  /\s*<(?:This message was edited|Это сообщение изменено|Сообщение изменено|Dieser Nachricht wurde bearbeitet|Se editó este mensaje)>\s*$/i
