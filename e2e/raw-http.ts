/**
 * Requests Playwright's API client cannot make: a body streamed in chunks (with or without a
 * Content-Length, possibly never finished), stopped as soon as the server answers. The server may
 * answer 413 and close the socket while we are still sending; that is the point, so the answer is
 * what counts, and write errors after it are ignored.
 */
import http from 'node:http'
import type { BrowserContext } from '@playwright/test'

export const port = Number(process.env.E2E_PORT ?? 3210)
export const origin = `http://localhost:${port}`

export interface RawAnswer {
  status: number
  body: string
  /** Bytes of the body written before the answer came. */
  sent: number
}

/** The Cookie header of a signed-in browser context. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ')
}

/**
 * POSTs `total` bytes (chunks of `chunk` bytes of 'a') to `path`. `declare` sends a Content-Length
 * (true: the real one, a number: that one); without it the body goes chunked.
 */
export function rawPost(
  path: string,
  { headers = {}, total, chunk = 64 * 1024, declare = true }: { headers?: Record<string, string>; total: number; chunk?: number; declare?: boolean | number },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const length = declare === true ? total : declare === false ? undefined : declare
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { host: `localhost:${port}`, ...headers, ...(length !== undefined ? { 'content-length': String(length) } : {}) },
    })
    let sent = 0
    let answered = false
    const piece = Buffer.alloc(chunk, 0x61)
    req.on('response', (res) => {
      answered = true
      const parts: Buffer[] = []
      res.on('data', (d: Buffer) => parts.push(d))
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), sent })
        req.destroy()
      })
    })
    req.on('error', (err) => {
      if (!answered) reject(err)
    })
    // One chunk per turn of the event loop, so an answer that came back is seen before the next chunk
    // (a tight loop over loopback can hand the kernel the whole body before the 'response' event runs).
    const pump = () => {
      if (answered) return
      if (sent >= total) return void req.end()
      const size = Math.min(chunk, total - sent)
      sent += size
      if (!req.write(size === chunk ? piece : piece.subarray(0, size))) return void req.once('drain', pump)
      setImmediate(pump)
    }
    pump()
  })
}

/** A POST of a ready body (form posts, small JSON) with exactly the headers given. */
export function rawSend(path: string, body: string | Buffer, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const data = typeof body === 'string' ? Buffer.from(body) : body
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { host: `localhost:${port}`, 'content-length': String(data.length), ...headers } },
      (res) => {
        const parts: Buffer[] = []
        res.on('data', (d: Buffer) => parts.push(d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), sent: data.length }))
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}
