import { describe, expect, it } from 'vitest'
import { parseVCard } from './vcard'

describe('parseVCard', () => {
  it('reads the display name and the WhatsApp ids of the numbers', () => {
    const card =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Асанов;Айбек;;;\r\nFN:Айбек Асанов\r\nitem1.TEL;waid=996700111222:+996 700 111 222\r\nTEL;type=HOME:+996 312 55-55-55\r\nEND:VCARD'
    expect(parseVCard(card)).toEqual({ name: 'Айбек Асанов', phones: ['+996700111222', '+996312555555'] })
  })

  it('falls back to the structured name, unfolds lines, and survives garbage', () => {
    expect(parseVCard('BEGIN:VCARD\nN:Асанов;Айбек\nTEL:+99655\n 5123456\nEND:VCARD')).toEqual({ name: 'Айбек Асанов', phones: ['+996555123456'] })
    expect(parseVCard('not a vcard at all')).toEqual({ name: '', phones: [] })
  })
})
