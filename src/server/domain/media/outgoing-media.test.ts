/** Media out: the sniffed type decides what may be sent (never the name), and the name the customer sees. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { outgoingFileName, sniffOutgoingType } from './outgoing-media'

const fixture = (file: string) => readFileSync(join(process.cwd(), 'src/server/whatsapp/engines/simulator/media', file))

describe('sniffOutgoingType', () => {
  it('takes photos and documents by their bytes, whatever the name says', async () => {
    expect(await sniffOutgoingType(fixture('photo.jpg'), 'document.pdf')).toEqual({ contentType: 'image/jpeg', kind: 'IMAGE', ext: 'jpg' })
    expect(await sniffOutgoingType(fixture('sticker.webp'), undefined)).toEqual({ contentType: 'image/webp', kind: 'IMAGE', ext: 'webp' })
    expect(await sniffOutgoingType(fixture('document.pdf'), 'photo.jpg')).toEqual({ contentType: 'application/pdf', kind: 'DOCUMENT', ext: 'pdf' })
  })

  it('refuses what we do not send: video, audio, executables, HTML and SVG, a binary named .txt', async () => {
    expect(await sniffOutgoingType(fixture('video.mp4'), 'video.mp4')).toBeNull()
    expect(await sniffOutgoingType(fixture('voice.ogg'), 'voice.ogg')).toBeNull()
    expect(await sniffOutgoingType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Buffer.alloc(64)]), 'a.txt')).toBeNull()
    expect(await sniffOutgoingType(Buffer.from('<html><body>x</body></html>'), 'page.html')).toBeNull()
    expect(await sniffOutgoingType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg')).toBeNull()
    expect(await sniffOutgoingType(Buffer.from('text with a NUL \u0000 inside'), 'notes.txt')).toBeNull()
  })

  it('takes readable UTF-8 as text only under a .txt or .csv name', async () => {
    expect(await sniffOutgoingType(Buffer.from('Цена;Товар\n1200;Платье\n'), 'прайс.csv')).toMatchObject({ contentType: 'text/csv' })
    expect(await sniffOutgoingType(Buffer.from('Салам!'), 'hello.txt')).toMatchObject({ contentType: 'text/plain' })
    expect(await sniffOutgoingType(Buffer.from('Салам!'), 'hello.html')).toBeNull()
  })
})

describe('outgoingFileName', () => {
  const pdf = { kind: 'DOCUMENT', ext: 'pdf' } as const
  it('keeps the last path segment without control or path characters, ending in the sniffed extension', () => {
    expect(outgoingFileName('C:\\Users\\me\\Счёт №12.pdf', pdf)).toBe('Счёт №12.pdf')
    expect(outgoingFileName('../../etc/passwd', pdf)).toBe('passwd.pdf')
    expect(outgoingFileName('invoice.exe', pdf)).toBe('invoice.exe.pdf')
    expect(outgoingFileName('a\u0000b<c>.PDF', pdf)).toBe('abc.PDF')
    expect(outgoingFileName('', { kind: 'IMAGE', ext: 'jpg' })).toBe('photo.jpg')
    expect(outgoingFileName('..', pdf)).toBe('document.pdf')
    expect(outgoingFileName('x'.repeat(500), pdf)).toHaveLength(124)
  })
})
