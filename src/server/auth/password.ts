/**
 * Password hashing with scrypt (memory-hard, in Node's crypto: no native add-on to build), at OWASP's
 * current parameters: N = 2^17, r = 8, p = 1 (128 MiB per hash).
 * Format: scrypt$N$r$p$salt$hash, so parameters can be raised later without breaking old hashes:
 * `needsRehash` says when a stored hash is weaker than today's, and sign-in upgrades it.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const KEY_LENGTH = 64
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const
/** Refuse stored parameters that would take absurd memory (a corrupted row must not take the process down). */
const MAX_N = 2 ** 20

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions & { N: number; r: number }): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node refuses past maxmem (32 MiB by default), so allow that plus headroom.
  const maxmem = 128 * options.N * options.r + 16 * 1024 * 1024
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keylen, { ...options, maxmem }, (err, key) => (err ? reject(err) : resolve(key)))
  })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const { N, r, p } = SCRYPT_PARAMS
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r, p })
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$')
}

interface ParsedHash {
  N: number
  r: number
  p: number
  salt: Buffer
  hash: Buffer
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string]
  const parsed = { N: Number(n), r: Number(r), p: Number(p), salt: Buffer.from(saltB64, 'base64'), hash: Buffer.from(hashB64, 'base64') }
  const power = Number.isInteger(parsed.N) && parsed.N > 1 && (parsed.N & (parsed.N - 1)) === 0
  if (
    !power ||
    parsed.N > MAX_N ||
    !Number.isInteger(parsed.r) ||
    parsed.r < 1 ||
    parsed.r > 32 ||
    !Number.isInteger(parsed.p) ||
    parsed.p < 1 ||
    parsed.p > 16
  ) {
    return null
  }
  if (parsed.hash.length === 0) return null
  return parsed
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) return false
  const key = await scrypt(password, parsed.salt, parsed.hash.length, { N: parsed.N, r: parsed.r, p: parsed.p })
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash)
}

/** True when the stored hash is weaker than today's parameters (or unreadable): rehash it at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored)
  if (!parsed) return true
  return parsed.N < SCRYPT_PARAMS.N || parsed.r < SCRYPT_PARAMS.r || parsed.p < SCRYPT_PARAMS.p || parsed.hash.length < KEY_LENGTH
}

let dummyHash: Promise<string> | undefined

/**
 * Spends the same work as checking a real password at today's parameters, and always fails. Sign-in
 * runs it for unknown and deactivated users, so the answer's timing does not tell which emails exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy password for equal timing')
  await verifyPassword(password, await dummyHash)
  return false
}
