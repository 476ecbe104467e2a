/**
 * Raw HTTP for the security flows (security-helpers.ts has the test users and raw sign-ins): tRPC calls whose status and body the test inspects (no throwing),
 * and subscriptions read as a byte stream of server-sent events with a signed-in context's cookies.
 */
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test'
import type { ProcedureType } from '../src/server/testing/procedure-list'

export interface RawAnswer {
  status: number
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown
  text: string
}

/** The server's base URL (playwright.config.ts). */
export function baseUrl(): string {
  return `http://localhost:${Number(process.env.E2E_PORT ?? 3210)}`
}

/** Headers every mutation a browser would send carries (JSON, same origin). */
export function jsonHeaders(): Record<string, string> {
  return { 'content-type': 'application/json', origin: baseUrl() }
}

/** Sends a raw body to a procedure; `body` undefined for a query without input. */
export async function rawCall(
  request: APIRequestContext,
  kind: Exclude<ProcedureType, 'subscription'>,
  path: string,
  body: string | undefined,
): Promise<RawAnswer> {
  const response =
    kind === 'query'
      ? await request.get(`/api/trpc/${path}${body === undefined ? '' : `?input=${encodeURIComponent(body)}`}`, { headers: { origin: baseUrl() } })
      : // A Buffer goes out byte for byte (a string that is not JSON would be JSON-encoded by Playwright).
        await request.post(`/api/trpc/${path}`, { data: Buffer.from(body ?? ''), headers: jsonHeaders() })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status(), body: parsed, text }
}

/** A procedure call with a superjson envelope around `input` (undefined: no input). */
export function callAs(as: Page | APIRequestContext, kind: Exclude<ProcedureType, 'subscription'>, path: string, input?: unknown): Promise<RawAnswer> {
  const request = 'request' in as ? as.request : as
  return rawCall(request, kind, path, input === undefined ? undefined : JSON.stringify({ json: input }))
}

/** The `data.json` of a successful tRPC answer. */
export function resultOf<T>(answer: RawAnswer): T {
  const payload = answer.body as { result?: { data?: { json?: T } } }
  if (answer.status !== 200 || !payload.result) throw new Error(`expected a result, got ${answer.status}: ${answer.text.slice(0, 300)}`)
  return payload.result.data!.json as T
}

/** The tRPC error code name of a failed answer (e.g. FORBIDDEN), or 'OK'. */
export function codeOf(answer: RawAnswer): string {
  if (answer.status === 200) return 'OK'
  const payload = answer.body as { error?: { json?: { data?: { code?: string } } } }
  return payload.error?.json?.data?.code ?? `HTTP ${answer.status}`
}

/** The localized message of a failed answer. */
export function messageOf(answer: RawAnswer): string {
  return (answer.body as { error?: { json?: { message?: string } } }).error?.json?.message ?? ''
}

/** The Cookie header of a browser context (for requests made outside Playwright's request API). */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
}

export interface SseEvent {
  event: string
  data: string
  id?: string
}

/** One open subscription over HTTP: its events as they arrive, whether the server ended it, and close(). */
export class SseStream {
  readonly events: SseEvent[] = []
  ended = false
  status = 0
  private readonly abort = new AbortController()
  private waiters: Array<() => void> = []
  private reader: ReadableStreamDefaultReader<Uint8Array> | null = null
  private readonly done: Promise<void>

  constructor(url: string, cookie: string, lastEventId?: string) {
    this.done = this.run(url, cookie, lastEventId)
  }

  private async run(url: string, cookie: string, lastEventId?: string) {
    try {
      const response = await fetch(url, {
        headers: { cookie, accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        signal: this.abort.signal,
      })
      this.status = response.status
      if (!response.body) return
      const decoder = new TextDecoder()
      let buffer = ''
      const reader = response.body.getReader()
      this.reader = reader
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        buffer += decoder.decode(value, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event: SseEvent = { event: 'message', data: '' }
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':')
            if (colon <= 0) continue
            const field = line.slice(0, colon)
            const value = line.slice(colon + 1).replace(/^ /, '')
            if (field === 'event') event.event = value
            else if (field === 'data') event.data += value
            else if (field === 'id') event.id = value
          }
          if (block.trim()) this.events.push(event)
          this.notify()
        }
      }
    } catch {
      // aborted by close(), or the connection dropped
    } finally {
      this.ended = true
      this.notify()
    }
  }

  private notify() {
    const waiters = this.waiters
    this.waiters = []
    for (const wake of waiters) wake()
  }

  /** Resolves once `check` holds (checked after every event and at the end), or rejects after `timeoutMs`. */
  async until(check: (stream: SseStream) => boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!check(this)) {
      if (Date.now() > deadline) throw new Error(`stream condition not met in ${timeoutMs} ms; events: ${JSON.stringify(this.events).slice(0, 500)}`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 250)
      })
    }
  }

  /** The data events (tracked: with an id), parsed from superjson's `{ json }`. */
  dataEvents<T = unknown>(): Array<{ id?: string; data: T }> {
    return this.events.filter((e) => e.event === 'message').map((e) => ({ id: e.id, data: (JSON.parse(e.data) as { json: T }).json }))
  }

  /** Ends the request; waits (briefly: a body ending at the same moment can leave the read pending) for the reader to stop. */
  async close() {
    this.abort.abort()
    await this.reader?.cancel().catch(() => undefined)
    await Promise.race([this.done, new Promise((resolve) => setTimeout(resolve, 2000))])
  }
}

/** Opens a subscription over raw HTTP as the user of a browser context or an API request context. */
export async function openStream(as: BrowserContext | APIRequestContext, path: string, input?: unknown, lastEventId?: string): Promise<SseStream> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`
  const cookie = 'addCookies' in as ? await cookieHeader(as as BrowserContext) : await requestCookieHeader(as as APIRequestContext)
  return new SseStream(`${baseUrl()}/api/trpc/${path}${query}`, cookie, lastEventId)
}

/**
 * Signs in through next-auth's credentials endpoint without a browser page (so no page holds live
 * streams of this user); returns a request context carrying the session cookie.
 */
export async function apiSignIn(
  playwright: { request: { newContext(options: { baseURL: string }): Promise<APIRequestContext> } },
  user: { email: string; password: string },
) {
  const request = await playwright.request.newContext({ baseURL: baseUrl() })
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: user.email, password: user.password, callbackUrl: `${baseUrl()}/conversations` },
    maxRedirects: 0,
  })
  const cookies = (await request.storageState()).cookies
  if (!cookies.some((c) => c.name.includes('session-token'))) throw new Error(`sign-in of ${user.email} failed: ${response.status()}`)
  return request
}

/** The Cookie header of an API request context. */
export async function requestCookieHeader(request: APIRequestContext): Promise<string> {
  return (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ')
}
