/**
 * Human-like delays. Replying in under two seconds gives a bot away, and regular gaps between
 * WhatsApp lookups look scripted: every delay is random within a range. Tests and benchmarks turn
 * them off with WHATSAPP_DISABLE_DELAYS=true (or setDelaysEnabled(false)).
 */
import { getEnv } from '../env'
import { processSlot } from '../process-singleton'

export const DELAY_RANGES = {
  /** Before an incoming message is processed. */
  incoming: [2000, 5000],
  /** Before an agent's reply is sent. */
  reply: [2000, 10000],
  /** Between extra WhatsApp lookups (contact, avatar). */
  lookupGap: [500, 2000],
} as const satisfies Record<string, readonly [number, number]>

export type DelayKind = keyof typeof DELAY_RANGES

// A process-wide override, so a test's switch reaches every module copy; unset falls back to the env.
const delaysOverride = processSlot<boolean>('delays-enabled')

export function delaysEnabled(): boolean {
  return delaysOverride.get() ?? !getEnv().WHATSAPP_DISABLE_DELAYS
}

/** Overrides WHATSAPP_DISABLE_DELAYS for this process; undefined goes back to the environment. */
export function setDelaysEnabled(enabled: boolean | undefined): void {
  delaysOverride.set(enabled)
}

/** A whole number of milliseconds in [min, max], uniformly. */
export function randomDelay(min: number, max: number, random: () => number = Math.random): number {
  if (max < min) throw new RangeError(`randomDelay: max ${max} < min ${min}`)
  return min + Math.floor(random() * (max - min + 1))
}

/** The delay for a kind of action, or 0 when delays are off. */
export function delayFor(kind: DelayKind, random: () => number = Math.random): number {
  if (!delaysEnabled()) return 0
  const [min, max] = DELAY_RANGES[kind]
  return randomDelay(min, max, random)
}

export const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve())
