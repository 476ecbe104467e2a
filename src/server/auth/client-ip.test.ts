import { describe, expect, it } from 'vitest'
import { CLIENT_IP_HEADER, resolveClientIp, stampClientIp } from './client-ip'

describe('client IP for throttling', () => {
  it('uses the socket and ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(resolveClientIp('::ffff:10.0.0.5', '203.0.113.9', 0)).toBe('10.0.0.5')
  })

  it('with one trusted proxy takes the address that proxy appended, not what the client wrote', () => {
    expect(resolveClientIp('10.0.0.1', '1.1.1.1, 203.0.113.9', 1)).toBe('203.0.113.9')
    expect(resolveClientIp('10.0.0.1', '203.0.113.9', 2)).toBe('203.0.113.9')
    expect(resolveClientIp('10.0.0.1', undefined, 1)).toBe('10.0.0.1')
  })

  it('replaces a client-sent copy of its own header', () => {
    const req = { headers: { [CLIENT_IP_HEADER]: '6.6.6.6' } as Record<string, string>, socket: { remoteAddress: '127.0.0.1' } }
    stampClientIp(req, 0)
    expect(req.headers[CLIENT_IP_HEADER]).toBe('127.0.0.1')
  })
})
