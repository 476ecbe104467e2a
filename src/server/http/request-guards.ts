/**
 * Guards every request passes before its body is read or a procedure runs (issue 11, points 8 and 9):
 *
 * - Body size. A cap per route, checked twice: server.ts refuses a declared Content-Length over the cap
 *   with 413 before Next sees the request (refuseDeclaredOversize), and the route counts the bytes as
 *   it reads, so a chunked body without a length is cut at the cap with 413 too (readBodyCapped).
 * - Cross-site requests (CSRF). A mutation must be JSON (an HTML form cannot send application/json
 *   without a CORS preflight, which we never grant) or carry our custom header, and its Origin (or the
 *   Referer when a client sends no Origin) must be the app's own origin (AUTH_URL). GETs stay as they are:
 *   they never mutate.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { MEDIA_UPLOAD_PATH, OUTGOING_MEDIA_MAX_BYTES } from '~/shared/outgoing-media'
import { APP_REQUEST_HEADER, EXPORT_UPLOAD_PATH, TRPC_MAX_BATCH } from '~/shared/request-limits'

export { APP_REQUEST_HEADER, EXPORT_UPLOAD_PATH, TRPC_MAX_BATCH }

const KB = 1024
const MB = 1024 * KB

/**
 * Ordinary tRPC calls. The largest legitimate input is a bulk send: 100 messages of 4,096 characters,
 * at most 3 bytes each in UTF-8 (1.2 MB) plus the envelope. Export uploads go through their own route.
 */
export const TRPC_MAX_BODY_BYTES = 2 * MB
/** next-auth's own forms (sign-in, sign-out): a few hundred bytes. */
const AUTH_MAX_BODY_BYTES = 64 * KB
/** Anything else (pages, Next internals). */
const DEFAULT_MAX_BODY_BYTES = 1 * MB
/** How long a client refused with 413 may go on sending (the rest is discarded) before its socket is closed. */
const DRAIN_LIMIT_MS = 10_000

/** The chat-export upload route's cap (= MAX_UPLOAD_BYTES of import/export/export-file.ts; a test checks they agree). */
export const EXPORT_UPLOAD_MAX_BYTES = 10 * MB

const routeCaps: ReadonlyArray<[prefix: string, bytes: number]> = [
  ['/api/trpc', TRPC_MAX_BODY_BYTES],
  [EXPORT_UPLOAD_PATH, EXPORT_UPLOAD_MAX_BYTES],
  // A photo or document to send (domain/media/outgoing-media.ts counts it again while storing).
  [MEDIA_UPLOAD_PATH, OUTGOING_MEDIA_MAX_BYTES],
  ['/api/auth', AUTH_MAX_BODY_BYTES],
]

export function bodyCapFor(pathname: string): number {
  return routeCaps.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.[1] ?? DEFAULT_MAX_BODY_BYTES
}

function declaredLength(value: string | null | undefined): number | null {
  if (value == null || !/^\d+$/.test(value.trim())) return null
  return Number(value)
}

/**
 * For server.ts, before Next: a request whose Content-Length exceeds its route's cap gets 413 and the
 * connection is closed, without the body being read. Returns true when it answered.
 */
export function refuseDeclaredOversize(req: IncomingMessage, res: ServerResponse): boolean {
  const length = declaredLength(req.headers['content-length'])
  if (length === null) return false
  const pathname = (req.url ?? '/').split('?', 1)[0]!
  const cap = bodyCapFor(pathname)
  if (length <= cap) return false
  res.writeHead(413, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', maxBytes: cap } }))
  // Node discards the unread body (nothing is buffered) so that a client still sending can read this
  // answer; closing the socket at once would hit it with EPIPE instead. One that keeps sending is cut off.
  const cutOff = setTimeout(() => req.socket.destroy(), DRAIN_LIMIT_MS).unref()
  req.once('end', () => clearTimeout(cutOff))
  req.once('close', () => clearTimeout(cutOff))
  return true
}

export type GuardResult = { ok: true } | { ok: false; status: number; code: string }

/** The origins a browser request of ours comes from: AUTH_URL's, or (AUTH_URL unset) the Host it was sent to. */
function allowedOrigin(req: Request, authUrl: string | undefined): string | null {
  if (authUrl) return new URL(authUrl).origin
  const host = req.headers.get('host')
  return host ? `${new URL(req.url).protocol}//${host}` : null
}

function originOf(value: string | null): string | null {
  if (!value) return null
  try {
    return new URL(value).origin
  } catch {
    return 'invalid'
  }
}

/**
 * CSRF check for a request that can change something (anything but GET/HEAD/OPTIONS): JSON or our
 * header, and sent from our own origin. A request with neither Origin nor Referer is not from a
 * browser form (browsers send Origin on every cross-site POST) and passes on content type alone.
 */
export function checkSameOrigin(req: Request, authUrl: string | undefined): GuardResult {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return { ok: true }
  const origin = originOf(req.headers.get('origin')) ?? originOf(req.headers.get('referer'))
  if (origin !== null && origin !== allowedOrigin(req, authUrl)) return { ok: false, status: 403, code: 'CROSS_SITE_REQUEST' }
  const type = (req.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase()
  if (type !== 'application/json' && !req.headers.has(APP_REQUEST_HEADER)) return { ok: false, status: 415, code: 'JSON_REQUIRED' }
  return { ok: true }
}

/** Content-Length over the cap (a route reached without server.ts, e.g. in dev tools) → 413 before reading. */
export function checkDeclaredLength(req: Request, cap: number): GuardResult {
  const length = declaredLength(req.headers.get('content-length'))
  return length !== null && length > cap ? { ok: false, status: 413, code: 'PAYLOAD_TOO_LARGE' } : { ok: true }
}

/**
 * The body's chunks as they arrive, counted: past `cap` bytes reading stops (the stream is cancelled)
 * and `onTooLarge` decides what is thrown. Nothing beyond the cap is held in memory.
 */
export async function* cappedChunks(body: ReadableStream<Uint8Array> | null, cap: number, onTooLarge: () => Error): AsyncGenerator<Uint8Array> {
  if (!body) return
  const reader = body.getReader()
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      total += value.byteLength
      if (total > cap) {
        await reader.cancel().catch(() => undefined)
        throw onTooLarge()
      }
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body over ${maxBytes} bytes`)
  }
}

/** The whole body, at most `cap` bytes (BodyTooLargeError past it). */
export async function readBodyCapped(req: Request, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of cappedChunks(req.body, cap, () => new BodyTooLargeError(cap))) {
    chunks.push(chunk)
    total += chunk.byteLength
  }
  const body = new Uint8Array(new ArrayBuffer(total))
  let at = 0
  for (const chunk of chunks) {
    body.set(chunk, at)
    at += chunk.byteLength
  }
  return body
}

export function guardResponse(result: GuardResult & { ok: false }): Response {
  return Response.json({ error: { code: result.code } }, { status: result.status, headers: { 'cache-control': 'no-store' } })
}

/**
 * Everything the tRPC route checks before tRPC parses anything: same origin and JSON for mutations,
 * the body within TRPC_MAX_BODY_BYTES (read here, counted). Returns the request to hand to tRPC (with
 * the body already read) or the refusal.
 */
export async function guardTrpcRequest(req: Request, authUrl: string | undefined): Promise<Request | Response> {
  const sameOrigin = checkSameOrigin(req, authUrl)
  if (!sameOrigin.ok) return guardResponse(sameOrigin)
  if (req.method !== 'POST') return req
  const declared = checkDeclaredLength(req, TRPC_MAX_BODY_BYTES)
  if (!declared.ok) return guardResponse(declared)
  let body: Uint8Array<ArrayBuffer>
  try {
    body = await readBodyCapped(req, TRPC_MAX_BODY_BYTES)
  } catch (err) {
    if (err instanceof BodyTooLargeError) return guardResponse({ ok: false, status: 413, code: 'PAYLOAD_TOO_LARGE' })
    throw err
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal })
}
