/**
 * kill -9 mid-write: a child process appends to a spool and is killed without warning. Every record it
 * was told was kept (append() resolved) is read back, once, in order; at most one torn line is skipped.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'
import { FileSpool } from './file-spool'

const writer = fileURLToPath(new URL('./testing/spool-writer.ts', import.meta.url))
let dir: string | undefined

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

it('loses nothing acknowledged when the writing process is killed with SIGKILL', async () => {
  dir = mkdtempSync(join(tmpdir(), 'soul-spool-kill-'))
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  let acknowledged = 0
  let buffered = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject)
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) acknowledged = Math.max(acknowledged, Number(line))
      // Killed while it keeps writing: somewhere in the middle of an append.
      if (acknowledged >= 300 && !child.killed) {
        child.kill('SIGKILL')
        resolve()
      }
    })
  })
  await exited

  const spool = new FileSpool<{ n: number }>({ dir, name: 'kill.spool', maxBytes: 512 * 1024 * 1024 })
  let numbers: number[] = []
  let skipped = 0
  await spool.drain(async (records, torn) => {
    numbers = records.map((r) => r.n)
    skipped = torn
  })
  expect(numbers.length).toBeGreaterThanOrEqual(acknowledged)
  // 1, 2, 3, … with no gap and no repeat: nothing acknowledged is missing.
  expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1))
  expect(skipped).toBeLessThanOrEqual(1)
}, 120_000)
