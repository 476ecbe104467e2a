/**
 * bench/import-parse: a big chat export (BENCH_MESSAGES=271000 lines, one distinct author each, ~7.7 MB
 * of .txt) read the way the upload did before issue 11 and the way it does now, with the event loop's
 * worst delay while it ran (perf_hooks.monitorEventLoopDelay, 10 ms resolution):
 *   - before: parse on the main thread, then one client query per author, one after another
 *     (timed on the first BENCH_LOOKUPS authors and extrapolated to all of them);
 *   - after: previewExport (parse in a worker thread, 50 authors shown, one query), and the commit's
 *     parse (rowsInWorker: all rows back from the worker).
 *
 *   node --import tsx bench/import-parse.ts
 */
import './bench-env'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { prepareBenchStores, printTable } from './bench-env'
import { benchNumber } from './bench-number'

const MESSAGES = benchNumber('BENCH_MESSAGES', 271_000)
const LOOKUPS = benchNumber('BENCH_LOOKUPS', 2_000)

function bigExport(): string {
  const lines: string[] = []
  for (let i = 0; i < MESSAGES; i++) {
    const minute = i % 1440
    const day = 1 + (Math.floor(i / 1440) % 28)
    const stamp = `${String(day).padStart(2, '0')}.03.2026, ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
    lines.push(`${stamp} - u${i.toString(36)}: ok`)
  }
  return lines.join('\n') + '\n'
}

/**
 * Runs `work` and reports its duration and how long the event loop was blocked meanwhile: the longest
 * gap between ticks of a 5 ms interval (what any other request would have waited), and
 * monitorEventLoopDelay's p99.
 */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; maxLoopDelayMs: number; p99LoopDelayMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  let last = performance.now()
  let maxGap = 0
  const probe = setInterval(() => {
    const now = performance.now()
    maxGap = Math.max(maxGap, now - last - 5)
    last = now
  }, 5)
  const started = performance.now()
  const result = await work()
  const ms = performance.now() - started
  // A loop blocked until now shows it on the probe's next tick: let it tick.
  await new Promise((resolve) => setTimeout(resolve, 20))
  clearInterval(probe)
  histogram.disable()
  return { result, ms, maxLoopDelayMs: maxGap, p99LoopDelayMs: histogram.percentile(99) / 1e6 }
}

await prepareBenchStores()
const { db } = await import('../src/server/db')
const { createTenant } = await import('../src/server/testing/factories')
const { readExportFile } = await import('../src/server/import/export/export-file')
const { parseExportMessages } = await import('../src/server/import/export/export-analysis')
const { previewExport } = await import('../src/server/import/export/export-import')
const { rowsInWorker } = await import('../src/server/import/export/export-parse')

const text = bigExport()
const bytes = Buffer.from(text)
const base64 = bytes.toString('base64')
const tenant = await createTenant()
const organizationId = tenant.organization.id
const round = (n: number) => Math.round(n)
process.stdout.write(`file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${MESSAGES} messages, ${MESSAGES} authors\n`)

// Before: the pre-issue-11 preview, on the main thread.
const parse = await measured(async () => {
  const messages = parseExportMessages(await readExportFile('big.txt', base64), 'Asia/Bishkek')
  const counts = new Map<string, number>()
  for (const m of messages) counts.set(m.author!, (counts.get(m.author!) ?? 0) + 1)
  return [...counts.keys()]
})
const authors = parse.result
const lookups = await measured(async () => {
  for (const name of authors.slice(0, LOOKUPS)) {
    await db.client.findFirst({ where: { organizationId, name: { equals: name.trim(), mode: 'insensitive' } }, select: { id: true, name: true, phone: true } })
  }
})
const perLookup = lookups.ms / Math.min(LOOKUPS, authors.length)
printTable([
  { step: 'before:parse-on-main-thread', ms: round(parse.ms), maxLoopDelayMs: round(parse.maxLoopDelayMs), authors: authors.length },
  {
    step: 'before:one-query-per-author',
    [`msFor${LOOKUPS}`]: round(lookups.ms),
    msPerQuery: perLookup.toFixed(2),
    extrapolatedMsForAll: round(perLookup * authors.length),
    queries: authors.length,
  },
])

// After: the preview as it runs now, and the commit's parse.
const preview = await measured(() => previewExport(organizationId, { fileName: 'big.txt', contentBase64: base64, timeZone: 'Asia/Bishkek' }))
const rows = await measured(() => rowsInWorker('big.txt', bytes, 'Asia/Bishkek', null))
printTable([
  {
    step: 'after:previewExport(worker+1-query)',
    ms: round(preview.ms),
    maxLoopDelayMs: round(preview.maxLoopDelayMs),
    p99LoopDelayMs: round(preview.p99LoopDelayMs),
    authorsShown: preview.result.authors.length,
    authorsTotal: preview.result.authorsTotal,
  },
  {
    step: 'after:commit-parse(rowsInWorker)',
    ms: round(rows.ms),
    maxLoopDelayMs: round(rows.maxLoopDelayMs),
    p99LoopDelayMs: round(rows.p99LoopDelayMs),
    rows: rows.result.rows.length,
  },
])
await db.$disconnect()
process.exit(0)
