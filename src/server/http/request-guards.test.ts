import { describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BYTES } from '../import/export/export-file'
import { BodyTooLargeError, bodyCapFor, checkSameOrigin, EXPORT_UPLOAD_MAX_BYTES, readBodyCapped, TRPC_MAX_BODY_BYTES } from './request-guards'

const app = 'http://localhost:3000'
const post = (headers: Record<string, string>, url = `${app}/api/trpc/x.y`) => new Request(url, { method: 'POST', headers, body: '{}' })

describe('checkSameOrigin', () => {
  it('lets same-origin JSON through, and GETs whatever their origin', () => {
    expect(checkSameOrigin(post({ origin: app, 'content-type': 'application/json' }), app)).toEqual({ ok: true })
    expect(checkSameOrigin(post({ 'content-type': 'application/json; charset=utf-8' }), app)).toEqual({ ok: true })
    expect(checkSameOrigin(new Request(`${app}/api/trpc/x.y`, { headers: { origin: 'http://evil.example' } }), app)).toEqual({ ok: true })
  })

  it('refuses a foreign Origin, or a foreign Referer when Origin is absent, with 403', () => {
    expect(checkSameOrigin(post({ origin: 'http://evil.example', 'content-type': 'application/json' }), app)).toMatchObject({ status: 403 })
    expect(checkSameOrigin(post({ origin: 'http://localhost:3001', 'content-type': 'application/json' }), app)).toMatchObject({ status: 403 })
    expect(checkSameOrigin(post({ origin: 'null', 'content-type': 'application/json' }), app)).toMatchObject({ status: 403 })
    expect(checkSameOrigin(post({ referer: 'http://evil.example/x', 'content-type': 'application/json' }), app)).toMatchObject({ status: 403 })
  })

  it('refuses form content types (415) unless our header is present', () => {
    for (const type of ['multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'text/plain', '']) {
      expect(checkSameOrigin(post(type ? { origin: app, 'content-type': type } : { origin: app }), app)).toMatchObject({ status: 415 })
    }
    expect(checkSameOrigin(post({ origin: app, 'content-type': 'application/octet-stream', 'x-soul-request': '1' }), app)).toEqual({ ok: true })
  })

  it('without AUTH_URL, compares with the Host the request was sent to', () => {
    expect(checkSameOrigin(post({ origin: app, host: 'localhost:3000', 'content-type': 'application/json' }), undefined)).toEqual({ ok: true })
    expect(checkSameOrigin(post({ origin: 'http://evil.example', host: 'localhost:3000', 'content-type': 'application/json' }), undefined)).toMatchObject({
      status: 403,
    })
  })
})

describe('body caps', () => {
  it('has a cap per route, the upload one equal to what the import accepts', () => {
    expect(bodyCapFor('/api/trpc/import.previewExport')).toBe(TRPC_MAX_BODY_BYTES)
    expect(bodyCapFor('/api/import/upload')).toBe(EXPORT_UPLOAD_MAX_BYTES)
    expect(EXPORT_UPLOAD_MAX_BYTES).toBe(MAX_UPLOAD_BYTES)
    expect(bodyCapFor('/api/auth/callback/credentials')).toBeLessThan(TRPC_MAX_BODY_BYTES)
    expect(bodyCapFor('/api/trpcx')).toBeLessThan(TRPC_MAX_BODY_BYTES)
  })

  it('reads a streamed body up to the cap and stops past it', async () => {
    let pulled = 0
    const stream = (chunks: number) =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= chunks) return controller.close()
          pulled += 1
          controller.enqueue(new Uint8Array(1024))
        },
      })
    const request = (chunks: number) => new Request(`${app}/x`, { method: 'POST', body: stream(chunks), duplex: 'half' } as RequestInit)
    expect((await readBodyCapped(request(4), 4096)).byteLength).toBe(4096)
    pulled = 0
    await expect(readBodyCapped(request(1_000_000), 4096)).rejects.toBeInstanceOf(BodyTooLargeError)
    expect(pulled).toBeLessThan(10)
  })
})
