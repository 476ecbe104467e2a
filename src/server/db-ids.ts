/**
 * Row ids for the few INSERTs written as SQL on the incoming hot path (issue 15: Prisma's query compiler
 * cost about twice the CPU of the same statement sent raw). Same shape and order as Prisma's `cuid()`
 * default (cuid v1, which Prisma bundles and does not export): `c`, the time in ms, a per-process counter,
 * a process fingerprint and randomness, all base 36. Ids made in one process sort in the order they were
 * made (time, then counter), like Prisma's: the thread's tie-break for messages stamped in the same
 * second ((createdAt, id), conversation-queries.ts) keeps arrival order.
 */
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'

const BLOCK = 4
const BLOCK_SPACE = 36 ** BLOCK

const pad = (value: string, size: number) => value.padStart(size, '0').slice(-size)

function fingerprintOf(pid: number, host: string): string {
  let sum = host.length + 36
  for (const char of host) sum += char.charCodeAt(0)
  return pad(pid.toString(36), 2) + pad(sum.toString(36), 2)
}

const fingerprint = fingerprintOf(process.pid, hostname())
/** From 0, as cuid's: it wraps after 36^4 ids, never within one millisecond. */
let counter = -1

/** A new id in Prisma's cuid() format (25 characters, `c` and base 36). */
export function newRowId(now = Date.now()): string {
  counter = (counter + 1) % BLOCK_SPACE
  const random = pad(randomBytes(6).readUIntBE(0, 6).toString(36), 2 * BLOCK)
  return `c${now.toString(36)}${pad(counter.toString(36), BLOCK)}${fingerprint}${random}`
}
