/**
 * How the simulated recipients answer our sends, in chosen proportions, for the sending governor's
 * tests, bench and /dev/phone (issue 12): some numbers are not on WhatsApp (the send is refused with
 * INVALID_RECIPIENT), some sends are acked −1 (ERROR), some never reach the device (one tick forever),
 * and some recipients have blocked the business. A block looks exactly like "never delivered": real
 * WhatsApp tells the sender nothing about it (one tick forever), and neither does whatsapp-web.js 1.34.7
 * (no event in src/util/Constants.js Events reports being blocked; Contact.isBlocked is whether WE blocked them).
 *
 * Each send draws one number from a seeded hash of (seed, n), n counting the session's sends, so a
 * run with the same seed and proportions gets the same outcomes in the same order.
 */
import { createHash } from 'node:crypto'
import { redis, simKey } from './simulator-state'

export interface SimBehaviour {
  notOnWhatsAppPercent: number
  failAckPercent: number
  undeliveredPercent: number
  blockedPercent: number
  seed: number
}

export type SimSendOutcome = 'ok' | 'notOnWhatsApp' | 'failAck' | 'undelivered' | 'blocked'

export const NO_BEHAVIOUR: SimBehaviour = { notOnWhatsAppPercent: 0, failAckPercent: 0, undeliveredPercent: 0, blockedPercent: 0, seed: 1 }

/** Sets the proportions (percent each, summing to at most 100) and restarts the draw sequence. */
export async function setBehaviour(clientId: string, behaviour: Partial<SimBehaviour>): Promise<SimBehaviour> {
  const next = { ...NO_BEHAVIOUR, ...behaviour }
  await redis().multi().set(simKey.behaviour(clientId), JSON.stringify(next)).del(simKey.behaviourDraws(clientId)).exec()
  return next
}

export async function getBehaviour(clientId: string): Promise<SimBehaviour> {
  const raw = await redis().get(simKey.behaviour(clientId))
  return raw ? { ...NO_BEHAVIOUR, ...(JSON.parse(raw) as Partial<SimBehaviour>) } : NO_BEHAVIOUR
}

/** A uniform number in [0, 100) from (seed, n): the same pair always gives the same number. */
export function drawPercent(seed: number, n: number): number {
  const hash = createHash('sha256').update(`${seed}:${n}`).digest()
  return (hash.readUInt32BE(0) / 0x1_0000_0000) * 100
}

/** Which proportion a draw falls into (in a fixed order: not on WhatsApp, ack −1, undelivered, blocked). */
export function outcomeOf(behaviour: SimBehaviour, percent: number): SimSendOutcome {
  let edge = behaviour.notOnWhatsAppPercent
  if (percent < edge) return 'notOnWhatsApp'
  edge += behaviour.failAckPercent
  if (percent < edge) return 'failAck'
  edge += behaviour.undeliveredPercent
  if (percent < edge) return 'undelivered'
  edge += behaviour.blockedPercent
  if (percent < edge) return 'blocked'
  return 'ok'
}

/** The outcome of this session's next send (no behaviour set: every send is fine, no draw spent). */
export async function nextSendOutcome(clientId: string): Promise<SimSendOutcome> {
  const behaviour = await getBehaviour(clientId)
  const total = behaviour.notOnWhatsAppPercent + behaviour.failAckPercent + behaviour.undeliveredPercent + behaviour.blockedPercent
  if (total <= 0) return 'ok'
  const n = await redis().incr(simKey.behaviourDraws(clientId))
  return outcomeOf(behaviour, drawPercent(behaviour.seed, n))
}
