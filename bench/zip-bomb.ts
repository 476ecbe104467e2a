/**
 * bench/zip-bomb: memory of reading a hostile .zip upload (one `_chat.txt` whose header claims 100
 * bytes but which inflates to BENCH_BOMB_MB megabytes), in a fresh process per reader:
 *   - `unzipper`: what export-file.ts did before issue 11 (unzipper.Open.buffer + entry.buffer(), no cap);
 *   - `yauzl`: today's readExportFile (streamed inflate; the entry may not outgrow its header);
 *   - `yauzl-claims-20mb`: the same with a header claiming just under 20 MB, so the 20 MB byte cap is what stops it.
 * Prints the zip's size, the answer, RSS before, the peak RSS while reading (VmHWM, reset first) and the growth.
 *
 *   node --import tsx bench/zip-bomb.ts        (BENCH_BOMB_MB=200 by default; 1024 for the full 1 GB bomb)
 */
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { benchNumber } from './bench-number'
import { printTable } from './bench-env'

const MB = 1024 * 1024
const bombMb = benchNumber('BENCH_BOMB_MB', 200)
const reader = process.argv[2]

if (!reader) {
  for (const which of ['yauzl', 'yauzl-claims-20mb', 'unzipper']) {
    const out = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', new URL(import.meta.url).pathname, which], {
      encoding: 'utf8',
      env: process.env,
    })
    process.stdout.write(out)
  }
} else {
  const { zipBomb } = await import('../src/server/testing/zip-bomb')
  const { memoryOf, resetPeak } = await import('../src/server/testing/process-memory')
  // yauzl-claims-20mb: a header just under the cap, so the byte counter (not the header check) stops it.
  const bomb = await zipBomb({ inflatedBytes: bombMb * MB, claimedBytes: reader === 'yauzl-claims-20mb' ? 20 * MB - 1 : 100 })
  const base64 = bomb.toString('base64')
  ;(globalThis as { gc?: () => void }).gc?.()
  const before = memoryOf()
  resetPeak()
  const started = performance.now()
  let answer: string
  try {
    if (reader === 'unzipper') {
      // The pre-issue-11 code, verbatim in effect: trust the header's size, inflate the whole entry into one buffer.
      type Dir = { files: Array<{ path: string; type: string; uncompressedSize: number; buffer(): Promise<Buffer> }> }
      const unzipper = createRequire(import.meta.url)('unzipper') as { Open: { buffer(b: Buffer): Promise<Dir> } }
      const directory = await unzipper.Open.buffer(Buffer.from(base64, 'base64'))
      const chat = directory.files.find((f) => f.path === '_chat.txt')!
      if (chat.uncompressedSize > 20 * MB) throw new Error('exportTooLarge (header)')
      answer = `read ${((await chat.buffer()).length / MB).toFixed(0)} MB`
    } else {
      const { readExportFile } = await import('../src/server/import/export/export-file')
      answer = `read ${(await readExportFile('chat.zip', base64)).length} chars`
    }
  } catch (err) {
    answer = (err as { messageKey?: string }).messageKey ?? (err as Error).message
  }
  const ms = performance.now() - started
  const after = memoryOf()
  printTable([
    {
      reader,
      inflatesToMb: bombMb,
      zipKb: Math.round(bomb.length / 1024),
      answer: answer.replace(/\s+/g, '_'),
      ms: Math.round(ms),
      rssBeforeMb: Math.round(before.rss / MB),
      peakRssMb: Math.round(after.peak / MB),
      growthMb: Math.round((after.peak - before.rss) / MB),
    },
  ])
}
