import { describe, expect, it } from 'vitest'
import { cleanAuthor, expandYear, interpretDate, matchExportHeader, splitAuthorAndBody, to24Hour } from './message-parser'

describe('matchExportHeader', () => {
  it('reads an Android header', () => {
    expect(matchExportHeader('12/31/23, 9:05 PM - Dana: hi')).toEqual({
      layout: 'android',
      dateFields: ['12', '31', '23'],
      dateSeparator: '/',
      hour: 9,
      minute: 5,
      second: 0,
      meridiem: 'pm',
      rest: 'Dana: hi',
    })
  })

  it('reads an iOS header', () => {
    expect(matchExportHeader('[31.12.23, 21:05:33] Dana: hi')).toMatchObject({
      layout: 'ios',
      dateFields: ['31', '12', '23'],
      dateSeparator: '.',
      hour: 21,
      minute: 5,
      second: 33,
      meridiem: null,
      rest: 'Dana: hi',
    })
  })

  it.each([
    ['9:05 AM', 'am'],
    ['9:05 am', 'am'],
    ['9:05 a.m.', 'am'],
    ['9:05 a. m.', 'am'],
    ['9:05\u202fPM', 'pm'],
    ['9:05 p.m.', 'pm'],
    ['9:05 ДП', 'am'],
    ['9:05 пп', 'pm'],
    ['21:05', null],
  ])('meridiem of %j', (time, meridiem) => {
    expect(matchExportHeader(`31/12/2023, ${time} - A: x`)?.meridiem).toBe(meridiem)
  })

  it.each(['hello', '', '31.12.23', 'Today, 21:05 - A: x', '31.12.23, 21:05 A: x', '[31.12.23 A: x'])('is null for %j', (line) => {
    expect(matchExportHeader(line)).toBeNull()
  })
})

describe('interpretDate', () => {
  it('reads the three orders', () => {
    expect(interpretDate(['31', '12', '23'], 'dmy')).toEqual({ year: 2023, month: 12, day: 31 })
    expect(interpretDate(['12', '31', '2023'], 'mdy')).toEqual({ year: 2023, month: 12, day: 31 })
    expect(interpretDate(['2023', '12', '31'], 'ymd')).toEqual({ year: 2023, month: 12, day: 31 })
  })

  it('rejects impossible months, days and year widths', () => {
    expect(interpretDate(['12', '31', '23'], 'dmy')).toBeNull()
    expect(interpretDate(['0', '12', '23'], 'dmy')).toBeNull()
    expect(interpretDate(['31', '12', '123'], 'dmy')).toBeNull()
    expect(interpretDate(['2023', '12', '31'], 'dmy')).toBeNull()
  })
})

describe('expandYear', () => {
  it.each([
    ['23', 2023],
    ['09', 2009],
    ['2024', 2024],
    ['99', 1999],
    ['123', null],
  ])('%s → %s', (field, year) => {
    expect(expandYear(field)).toBe(year)
  })
})

describe('to24Hour', () => {
  it.each([
    [12, 'am', 0],
    [1, 'am', 1],
    [11, 'am', 11],
    [12, 'pm', 12],
    [1, 'pm', 13],
    [11, 'pm', 23],
    [21, 'pm', 21],
    [21, null, 21],
    [0, null, 0],
    [24, null, null],
    [25, 'pm', null],
  ] as const)('%s %s → %s', (hour, meridiem, expected) => {
    expect(to24Hour(hour, meridiem)).toBe(expected)
  })
})

describe('splitAuthorAndBody', () => {
  it('splits at the first ": "', () => {
    expect(splitAuthorAndBody('Dana Smith: time: 5pm')).toEqual({ author: 'Dana Smith', body: 'time: 5pm', isSystem: false, isDeleted: false })
  })

  it('treats a line without an author as a system notice', () => {
    expect(splitAuthorAndBody('Aigul added Bek')).toEqual({ author: null, body: 'Aigul added Bek', isSystem: true, isDeleted: false })
  })

  it('does not take quoted text as an author', () => {
    expect(splitAuthorAndBody('Aigul changed the subject to “Sale: 50%”').isSystem).toBe(true)
  })

  it('keeps colons in a URL body', () => {
    expect(splitAuthorAndBody('Bek: https://example.com/a:b')).toMatchObject({ author: 'Bek', body: 'https://example.com/a:b' })
  })
})

describe('cleanAuthor', () => {
  it('removes direction marks and odd spaces', () => {
    expect(cleanAuthor('\u202a+996\u00a0555 123 456\u202c')).toBe('+996 555 123 456')
    expect(cleanAuthor('\u200eАйгуль  Эже ')).toBe('Айгуль Эже')
  })
})
