import { describe, expect, it } from 'vitest'
import { isDeletedNotice, isSystemBody, matchMediaPlaceholder, trimInvisible } from './export-markers'

describe('matchMediaPlaceholder', () => {
  it.each([
    ['<Media omitted>', 'unknown'],
    ['<Без медиафайлов>', 'unknown'],
    ['<Медиафайл опущен>', 'unknown'],
    ['<Medien ausgeschlossen>', 'unknown'],
    ['<Multimedia omitido>', 'unknown'],
    ['\u200eimage omitted', 'image'],
    ['photo omitted', 'image'],
    ['audio omitted', 'audio'],
    ['Contact card omitted', 'contact'],
    ['изображение отсутствует', 'image'],
    ['видео отсутствует', 'video'],
    ['стикер отсутствует', 'sticker'],
    ['документ отсутствует', 'document'],
    ['<attached: 00000012-PHOTO-2023-12-31-21-05-33.jpg>', 'image'],
    ['<attached: 00000014-VIDEO-2023-12-31-21-06-00.mp4>', 'video'],
    ['<attached: 00000015-STICKER-2023.webp>', 'sticker'],
    ['<attached: 00000016-Invoice.pdf>', 'document'],
    ['<прикреплено: 00000017-PHOTO-2023.jpg>', 'image'],
    ['IMG-20231231-WA0001.jpg (file attached)', 'image'],
    ['DOC-20231231-WA0004.pdf (файл прикреплен)', 'document'],
    ['contact.vcf (file attached)', 'contact'],
    ['IMG-20240101-WA0001.jpg (файл добавлен)', 'image'],
  ])('%s → %s', (line, kind) => {
    expect(matchMediaPlaceholder(line)).toMatchObject({ kind, caption: '' })
  })

  it('returns the caption on the same line', () => {
    expect(matchMediaPlaceholder('IMG-1.jpg (file attached) вот')).toEqual({ kind: 'image', caption: 'вот', fileName: 'IMG-1.jpg' })
  })

  it('names the file of the .zip when the line gives it (issue 14: export media), never for "omitted"', () => {
    expect(matchMediaPlaceholder('\u200e<attached: 00000012-PHOTO-2023-12-31-21-05-33.jpg>')?.fileName).toBe('00000012-PHOTO-2023-12-31-21-05-33.jpg')
    expect(matchMediaPlaceholder('IMG-20240101-WA0001.jpg (файл добавлен)')?.fileName).toBe('IMG-20240101-WA0001.jpg')
    expect(matchMediaPlaceholder('DOC-20231231-WA0004.pdf (файл прикреплен)')?.fileName).toBe('DOC-20231231-WA0004.pdf')
    expect(matchMediaPlaceholder('<Media omitted>')).toEqual({ kind: 'unknown', caption: '' })
    expect(matchMediaPlaceholder('image omitted')).toEqual({ kind: 'image', caption: '' })
  })

  it.each(['hello', 'image', 'omitted', 'Media omitted', 'my photo omitted from the list yesterday', '<b>bold</b>'])('is null for %j', (line) => {
    expect(matchMediaPlaceholder(line)).toBeNull()
  })
})

describe('isDeletedNotice', () => {
  it('recognizes the deleted-message notices of Android and iOS, ru and en', () => {
    for (const notice of [
      'This message was deleted',
      'You deleted this message',
      '\u200eThis message was deleted.',
      '\u200eYou deleted this message.',
      'Данное сообщение удалено',
      'Вы удалили данное сообщение',
      '\u200eЭто сообщение удалено.',
      '\u200eВы удалили это сообщение.',
    ]) {
      expect(isDeletedNotice(notice), notice).toBe(true)
      expect(isSystemBody(notice, true), notice).toBe(false)
    }
  })

  it('leaves ordinary text alone', () => {
    expect(isDeletedNotice('I deleted this message by mistake, sorry')).toBe(false)
    expect(isDeletedNotice('Это сообщение удалено? Я его не вижу')).toBe(false)
  })
})

describe('isSystemBody', () => {
  it('recognizes notices that are system wherever they appear', () => {
    expect(isSystemBody('Messages and calls are end-to-end encrypted. Tap to learn more.', false)).toBe(true)
    expect(isSystemBody('Your security code with Aigul changed. Tap to learn more.', false)).toBe(true)
  })

  it('recognizes group events only when marked as such', () => {
    expect(isSystemBody('Aigul added Bek', true)).toBe(true)
    expect(isSystemBody('Aigul added Bek', false)).toBe(false)
  })

  it('leaves ordinary text alone', () => {
    expect(isSystemBody('Can you deliver today?', true)).toBe(false)
    expect(isSystemBody('I deleted this message by mistake, sorry', false)).toBe(false)
  })
})

describe('trimInvisible', () => {
  it('trims marks and spaces at the ends only', () => {
    expect(trimInvisible('\u200e\ufeff hi\u200ethere \u200f')).toBe('hi\u200ethere')
  })
})
