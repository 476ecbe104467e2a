/**
 * bench/media-serve: the memory of serving a stored file. A 16 MB file (BENCH_MEDIA_MB) in the local
 * media store is fetched by 20 clients at once (BENCH_CLIENTS) from a server process running the real
 * route handler (GET /api/media/<id>: the organization check in PostgreSQL, the store's read stream, the
 * web Response piped to the socket). Prints the server's RSS before, its peak during (VmHWM, reset
 * first) and the growth, and checks every client got every byte. Streaming keeps the growth far below
 * clients × file size (20 × 16 MB = 320 MB if each response were buffered).
 *
 *   node --import tsx bench/media-serve.ts
 */
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { benchNumber } from './bench-number'
import { prepareBenchStores, printTable } from './bench-env'

const MB = 1024 * 1024
const fileMb = benchNumber('BENCH_MEDIA_MB', 16)
const clients = benchNumber('BENCH_CLIENTS', 20)
process.env.MEDIA_DIR = `/tmp/soul-media-bench${process.env.SOUL_TEST_NAMESPACE ? `-${process.env.SOUL_TEST_NAMESPACE}` : ''}`

if (process.argv[2] === 'server') {
  // The server process: the route handler behind node:http, as Next's server calls it.
  const { handleMediaRequest } = await import('../src/server/api/media/media-response')
  const user = JSON.parse(process.argv[3]!) as Parameters<typeof handleMediaRequest>[2]['user']
  const server = createServer((req, res) => {
    const messageId = (req.url ?? '').split('/').pop() ?? ''
    const request = new Request(`http://localhost${req.url}`, { headers: req.headers as Record<string, string> })
    void handleMediaRequest(request, messageId, { user, locale: 'en' })
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers))
        if (!response.body) return void res.end()
        await pipeline(Readable.fromWeb(response.body as WebReadableStream), res)
      })
      .catch((err: Error) => {
        res.destroy(err)
      })
  })
  server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`)
  })
} else {
  await prepareBenchStores()
  execFileSync('rm', ['-rf', process.env.MEDIA_DIR])
  const { db } = await import('../src/server/db')
  const { getMediaStore } = await import('../src/server/media')
  const { recordMediaFile } = await import('../src/server/domain/media/media-files')
  const { createTenant } = await import('../src/server/testing/factories')
  const { memoryOf, resetPeak } = await import('../src/server/testing/process-memory')

  const shop = await createTenant()
  const stored = await getMediaStore().put(Readable.from([randomBytes(fileMb * MB)]), { maxBytes: fileMb * MB })
  const file = await recordMediaFile(shop.organization.id, stored, 'video/mp4')
  const message = await db.message.create({
    data: {
      organizationId: shop.organization.id,
      conversationId: shop.conversation.id,
      content: '[Media: video]',
      direction: 'INCOMING',
      sender: 'CLIENT',
      mediaKind: 'VIDEO',
      mediaStatus: 'STORED',
      mediaFileId: file.id,
    },
    select: { id: true },
  })

  const child = spawn(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, 'server', JSON.stringify(shop.operator)], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())))
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  const url = `http://127.0.0.1:${port}/api/media/${message.id}`
  // Warm up (module loading, the first query), then measure from a settled process.
  await (await fetch(url)).arrayBuffer()
  await new Promise((r) => setTimeout(r, 500))
  const before = memoryOf(child.pid)
  resetPeak(child.pid)
  const started = performance.now()
  const received = await Promise.all(
    Array.from({ length: clients }, async () => {
      const response = await fetch(url)
      let bytes = 0
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length
      return { status: response.status, bytes }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const after = memoryOf(child.pid)
  child.kill()
  const complete = received.every((r) => r.status === 200 && r.bytes === fileMb * MB)
  printTable([
    {
      file: `${fileMb} MB`,
      clients,
      complete: complete ? 'yes' : 'NO',
      seconds: seconds.toFixed(2),
      'rss before': `${(before.rss / MB).toFixed(1)} MB`,
      'rss peak': `${(after.peak / MB).toFixed(1)} MB`,
      growth: `${((after.peak - before.rss) / MB).toFixed(1)} MB`,
      'if buffered': `${clients * fileMb} MB`,
    },
  ])
  await db.$disconnect()
  if (!complete) process.exitCode = 1
  process.exit()
}
