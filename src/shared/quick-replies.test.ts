import { describe, expect, it } from 'vitest'
import { insertQuickReply, quickReplyQuery, quickReplyShortcutInput, quickReplyTextInput, rankQuickReplies } from './quick-replies'

const replies = [
  { shortcut: 'price', text: 'The price is 1000 som, {name}.', language: 'en' },
  { shortcut: 'price', text: 'Баасы 1000 сом, {name}.', language: 'ky' },
  { shortcut: 'price', text: 'Цена 1000 сом, {name}.', language: 'ru' },
  { shortcut: 'hello', text: 'Здравствуйте, {name}!', language: 'ru' },
  { shortcut: 'address', text: 'Бишкек, Чуй 100', language: null },
  { shortcut: 'көйнөк', text: 'Көйнөктөр бар', language: 'ky' },
  { shortcut: 'delivery', text: 'Доставка по городу бесплатно, price included', language: 'ru' },
]

const keys = (list: typeof replies) => list.map((r) => `${r.shortcut}:${r.language ?? '*'}`)

describe('rankQuickReplies', () => {
  it('puts the client’s language first, then any language, then the others', () => {
    expect(keys(rankQuickReplies(replies, '', 'ky'))).toEqual(['price:ky', 'көйнөк:ky', 'address:*', 'delivery:ru', 'hello:ru', 'price:ru', 'price:en'])
    expect(keys(rankQuickReplies(replies, '', 'en')).slice(0, 2)).toEqual(['price:en', 'address:*'])
  })

  it('an unknown client language puts language-neutral replies first', () => {
    expect(keys(rankQuickReplies(replies, '', null))[0]).toBe('address:*')
    expect(keys(rankQuickReplies(replies, '', 'und'))[0]).toBe('address:*')
  })

  it('filters by shortcut and by text, shortcut prefix before contains before text', () => {
    expect(keys(rankQuickReplies(replies, 'pri', 'ru'))).toEqual(['price:ru', 'delivery:ru', 'price:ky', 'price:en'])
    expect(keys(rankQuickReplies(replies, 'ICE', 'en'))).toEqual(['price:en', 'price:ru', 'price:ky', 'delivery:ru'])
    expect(keys(rankQuickReplies(replies, 'чуй', 'ru'))).toEqual(['address:*'])
    expect(rankQuickReplies(replies, 'nothing-like-this', 'ru')).toEqual([])
  })

  it('matches Kyrgyz letters typed without their marks and ignores a leading slash', () => {
    expect(keys(rankQuickReplies(replies, 'койнок', 'ru'))).toEqual(['көйнөк:ky'])
    expect(keys(rankQuickReplies(replies, '/КӨЙ', 'ky'))).toEqual(['көйнөк:ky'])
  })
})

describe('quickReplyQuery', () => {
  it('finds a slash at the start or after whitespace, up to the caret', () => {
    expect(quickReplyQuery('/', 1)).toEqual({ start: 0, query: '' })
    expect(quickReplyQuery('/pri', 4)).toEqual({ start: 0, query: 'pri' })
    expect(quickReplyQuery('Салам /ба', 9)).toEqual({ start: 6, query: 'ба' })
    expect(quickReplyQuery('line\n/x', 7)).toEqual({ start: 5, query: 'x' })
    // The caret decides: text after it does not count.
    expect(quickReplyQuery('/price rest', 3)).toEqual({ start: 0, query: 'pr' })
  })

  it('ignores slashes inside words and after a space typed past the query', () => {
    expect(quickReplyQuery('и/или', 5)).toBeNull()
    expect(quickReplyQuery('https://x', 9)).toBeNull()
    expect(quickReplyQuery('/price ', 7)).toBeNull()
    expect(quickReplyQuery('', 0)).toBeNull()
  })
})

describe('insertQuickReply', () => {
  it('replaces the typed /query and puts the caret after the inserted text', () => {
    expect(insertQuickReply('Hi /pri!', 3, 7, 'Цена 1000')).toEqual({ text: 'Hi Цена 1000!', caret: 12 })
    expect(insertQuickReply('/p', 0, 2, 'ok')).toEqual({ text: 'ok', caret: 2 })
  })
})

describe('quick reply inputs', () => {
  it('shortcuts: lower-cased, slash dropped, Cyrillic allowed, nothing else', () => {
    expect(quickReplyShortcutInput.parse(' /Price ')).toBe('price')
    expect(quickReplyShortcutInput.parse('Көйнөк_2-a')).toBe('көйнөк_2-a')
    for (const bad of ['', '/', 'two words', 'a.b', 'emoji😀', 'x'.repeat(33)]) expect(quickReplyShortcutInput.safeParse(bad).success).toBe(false)
    expect(quickReplyShortcutInput.safeParse('a b').error?.issues[0]?.message).toBe('validation.quickReplyShortcut')
  })

  it('texts are cleaned like outgoing messages, then checked', () => {
    expect(quickReplyTextInput.parse('a\u0000b\r\nc ')).toBe('ab\nc')
    expect(quickReplyTextInput.safeParse(' \u0000 ').error?.issues[0]?.message).toBe('validation.messageEmpty')
    expect(quickReplyTextInput.safeParse('x'.repeat(4097)).success).toBe(false)
  })
})
