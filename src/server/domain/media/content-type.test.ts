import { describe, expect, it } from 'vitest'
import { isInlineType, normalizeContentType, servedContentType } from './content-type'

describe('media content types', () => {
  it('normalizes what the sender announced', () => {
    expect(normalizeContentType('audio/ogg; codecs=opus')).toBe('audio/ogg')
    expect(normalizeContentType('IMAGE/JPEG')).toBe('image/jpeg')
    expect(normalizeContentType('text/html\r\nx-evil: 1')).toBe('application/octet-stream')
    expect(normalizeContentType(null)).toBe('application/octet-stream')
  })

  it('serves inline only images, audio and video a browser plays; never SVG or HTML', () => {
    expect(isInlineType('image/jpeg')).toBe(true)
    expect(isInlineType('audio/ogg')).toBe(true)
    expect(isInlineType('image/svg+xml')).toBe(false)
    expect(servedContentType('image/svg+xml')).toBe('application/octet-stream')
    expect(servedContentType('text/html')).toBe('application/octet-stream')
    expect(servedContentType('application/pdf')).toBe('application/pdf')
  })
})
