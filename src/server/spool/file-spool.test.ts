import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileSpool, parseSpoolLines, SpoolFullError } from './file-spool'

interface Rec {
  n: number
  text: string
}

let dir: string
const spoolAt = (maxBytes = 1024 * 1024) => new FileSpool<Rec>({ dir, name: 'test.spool', maxBytes })
const drainAll = async (spool: FileSpool<Rec>) => {
  const got: { records: Rec[]; skipped: number } = { records: [], skipped: 0 }
  await spool.drain(async (records, skipped) => {
    got.records.push(...records)
    got.skipped += skipped
  })
  return got
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soul-spool-unit-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('FileSpool', () => {
  it('reads back what was appended, in order, as written (Cyrillic, emoji, newlines inside)', async () => {
    const spool = spoolAt()
    const records = [
      { n: 1, text: 'Салам 👋' },
      { n: 2, text: 'две\nстроки' },
      { n: 3, text: 'مرحبا' },
    ]
    await Promise.all(records.map((r) => spool.append(r)))
    expect(readFileSync(spool.path, 'utf8').split('\n')).toHaveLength(4)
    expect(await drainAll(spool)).toEqual({ records, skipped: 0 })
    // Drained means gone: a second drain finds nothing.
    expect(await drainAll(spool)).toEqual({ records: [], skipped: 0 })
    expect((await spool.status()).bytes).toBe(0)
  })

  it('survives a torn last line (kill -9 mid-write): whole records kept, the torn one skipped, later appends intact', async () => {
    const before = spoolAt()
    await before.append({ n: 1, text: 'целая' })
    await before.close()
    appendFileSync(before.path, '{"n":2,"text":"обор')
    // A new process over the same directory.
    const after = spoolAt()
    await after.append({ n: 3, text: 'после рестарта' })
    const got = await drainAll(after)
    expect(got.records).toEqual([
      { n: 1, text: 'целая' },
      { n: 3, text: 'после рестарта' },
    ])
    expect(got.skipped).toBe(1)
  })

  it('refuses appends past its size bound and says when it is near full', async () => {
    const line = Buffer.byteLength(`${JSON.stringify({ n: 1, text: 'x'.repeat(80) })}\n`)
    const spool = spoolAt(line * 5)
    const statuses = []
    for (let n = 1; n <= 5; n++) statuses.push(await spool.append({ n, text: 'x'.repeat(80) }))
    expect(statuses.map((s) => s.nearFull)).toEqual([false, false, false, true, true])
    expect(statuses[4]!.full).toBe(true)
    await expect(spool.append({ n: 6, text: 'x'.repeat(80) })).rejects.toBeInstanceOf(SpoolFullError)
    // Draining makes room again.
    expect((await drainAll(spool)).records).toHaveLength(5)
    await expect(spool.append({ n: 7, text: 'x'.repeat(80) })).resolves.toMatchObject({ full: false })
  })

  it('keeps everything when the consumer fails, and appends made meanwhile are not lost', async () => {
    const spool = spoolAt()
    await spool.append({ n: 1, text: 'a' })
    await expect(
      spool.drain(async () => {
        throw new Error('database still down')
      }),
    ).rejects.toThrow('database still down')
    await spool.append({ n: 2, text: 'b' })
    // The unfinished drain's file comes first, then the newer one on the next pass.
    expect((await drainAll(spool)).records).toEqual([{ n: 1, text: 'a' }])
    expect((await drainAll(spool)).records).toEqual([{ n: 2, text: 'b' }])
  })

  it('an unfinished drain is picked up by a new process over the same directory', async () => {
    const first = spoolAt()
    await first.append({ n: 1, text: 'a' })
    await first
      .drain(async () => {
        throw new Error('killed')
      })
      .catch(() => undefined)
    const second = spoolAt()
    expect((await second.status()).bytes).toBeGreaterThan(0)
    expect((await drainAll(second)).records).toEqual([{ n: 1, text: 'a' }])
  })
})

describe('parseSpoolLines', () => {
  it.each([
    ['empty', '', 0, 0],
    ['two whole lines', '{"n":1}\n{"n":2}\n', 2, 0],
    ['a torn tail', '{"n":1}\n{"n":', 1, 1],
    ['a damaged middle line', '{"n":1}\nxx\n{"n":3}\n', 2, 1],
    ['a torn line ended by the next open', '{"n":1}\n{"n":\n{"n":3}\n', 2, 1],
  ])('%s', (_name, text, records, skipped) => {
    const result = parseSpoolLines(text)
    expect(result.records).toHaveLength(records)
    expect(result.skipped).toBe(skipped)
  })
})
