/**
 * Contact cards as WhatsApp sends them (vCard 3.0 text: `FN:`, `TEL;type=CELL;waid=996…:+996 …`) to
 * our name-and-numbers shape. Tolerant: folded lines, any case, escaped characters; a card without a
 * name or number keeps what it has; anything unreadable gives an empty card rather than an error.
 */
import type { WaContactCard } from './types'

const MAX_PHONES = 10
const MAX_TEXT = 200

function unescape(value: string): string {
  return value.replace(/\\([,;\\nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? ' ' : c)).trim()
}

/** One vCard's display name and phone numbers. */
export function parseVCard(vcard: string): WaContactCard {
  // Folded lines (RFC 6350 3.2): a line starting with a space or tab continues the previous one.
  const lines = vcard
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n')
  let name = ''
  let structured = ''
  const phones: string[] = []
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon < 0) continue
    const head = line.slice(0, colon).toUpperCase()
    const value = line.slice(colon + 1)
    const property = head.split(';')[0]!.replace(/^ITEM\d+\./, '')
    if (property === 'FN') name = unescape(value)
    else if (property === 'N') structured = unescape(value.split(';').filter(Boolean).reverse().join(' '))
    else if (property === 'TEL' && phones.length < MAX_PHONES) {
      // WhatsApp puts the number's WhatsApp id in `waid=`; the value is the number as the sender saved it.
      const waid = /WAID=(\d+)/.exec(head)?.[1]
      const phone = waid ? `+${waid}` : unescape(value).replace(/[^\d+]/g, '')
      if (phone && !phones.includes(phone)) phones.push(phone.slice(0, 32))
    }
  }
  return { name: (name || structured).slice(0, MAX_TEXT), phones }
}
