/**
 * A client's sales status from the conversation so far: read the messages in time order, collect
 * signals (status-signals.ts), count purchases, and explain the answer. Used when importing chat
 * history and when a live message arrives; the reasons are shown to operators.
 */
import type { ClientStatus } from '~/shared/enums'
import { detectLanguageWithConfidence } from './language-detector'
import { findStatusSignals, type StatusSignal, type StatusSignalKind } from './status-signals'

/** A message of the conversation: its text, who wrote it, and when (optional). */
export interface StatusMessage {
  body: string
  fromClient: boolean
  timestamp?: Date
}

/** The detected status, how sure, and why. */
export interface StatusDetection {
  status: ClientStatus
  /** 0…1 */
  confidence: number
  /** Why, in short English sentences for operators and logs. */
  reasons: string[]
}

/** Options of detectClientStatus. */
export interface StatusDetectionOptions {
  /** "Now" for the inactivity check (default: the current time). */
  now?: Date
  /** Days without messages after which an engaged client is INACTIVE (default 90). */
  inactiveAfterDays?: number
}

const DAY = 86_400_000
/** An order or payment this long after the previous purchase is a new purchase. */
const NEW_PURCHASE_GAP_DAYS = 7

interface Cycle {
  ordered: boolean
  paid: boolean
  at: number | null
}

interface Tally {
  purchases: number
  cycle: Cycle | null
  repeatRequested: boolean
  impliedEarlierPurchase: boolean
  lastPositive: number
  lastRefusal: { index: number; weak: boolean } | null
  seen: Set<StatusSignalKind>
  businessReplied: boolean
  clientWrote: boolean
  reasons: string[]
}

function quote(signal: StatusSignal): string {
  const text = signal.match.length > 40 ? `${signal.match.slice(0, 40)}…` : signal.match
  return `«${text}»`
}

function timeOf(message: StatusMessage): number | null {
  const time = message.timestamp instanceof Date ? message.timestamp.getTime() : NaN
  return Number.isFinite(time) ? time : null
}

/** Counts an order or a payment: the same purchase, or a new one after a finished one / a repeat. */
function countPurchase(tally: Tally, kind: 'order' | 'payment', at: number | null): void {
  const { cycle } = tally
  const longAfter = cycle?.at != null && at != null && at - cycle.at >= NEW_PURCHASE_GAP_DAYS * DAY
  const isNew = !cycle || tally.repeatRequested || longAfter || (kind === 'order' && cycle.paid)
  if (isNew) {
    tally.purchases++
    tally.cycle = { ordered: kind === 'order', paid: kind === 'payment', at }
    tally.repeatRequested = false
  } else if (cycle) {
    if (kind === 'order') cycle.ordered = true
    else cycle.paid = true
    cycle.at = at ?? cycle.at
  }
}

function readMessage(tally: Tally, message: StatusMessage, index: number): void {
  const body = typeof message.body === 'string' ? message.body : ''
  const fromClient = message.fromClient === true
  if (fromClient) tally.clientWrote ||= body.trim().length > 0
  else tally.businessReplied ||= body.trim().length > 0
  const at = timeOf(message)
  const who = fromClient ? 'client' : 'business'
  const signals = findStatusSignals(body, fromClient)
  const kinds = new Set(signals.map((signal) => signal.kind))
  for (const found of signals) {
    // "Дорого" in a message that also asks for a price or a discount is haggling, not a refusal.
    const haggling = found.kind === 'objection' && (kinds.has('negotiation') || kinds.has('interest') || kinds.has('price'))
    const signal: StatusSignal = haggling ? { kind: 'negotiation', match: found.match } : found
    tally.seen.add(signal.kind)
    switch (signal.kind) {
      case 'refusal':
      case 'objection': {
        const weak = signal.kind === 'objection'
        tally.lastRefusal = { index, weak }
        tally.reasons.push(`${weak ? 'price objection' : 'refusal'} from the client: ${quote(signal)}`)
        if (!weak && tally.cycle && tally.cycle.ordered && !tally.cycle.paid && tally.purchases > 0) {
          tally.purchases--
          tally.cycle = null
          tally.reasons.push('the unpaid order was cancelled')
        }
        break
      }
      case 'repeat':
        tally.repeatRequested = tally.purchases > 0
        tally.impliedEarlierPurchase ||= tally.purchases === 0
        tally.lastPositive = index
        tally.reasons.push(`repeat order wording: ${quote(signal)}`)
        break
      case 'order':
      case 'orderConfirmed':
        countPurchase(tally, 'order', at)
        tally.lastPositive = index
        tally.reasons.push(`order (${who}): ${quote(signal)}`)
        break
      case 'payment':
      case 'paymentConfirmed':
        countPurchase(tally, 'payment', at)
        tally.lastPositive = index
        tally.reasons.push(`payment (${who}): ${quote(signal)}`)
        break
      case 'received':
        if (tally.cycle) tally.reasons.push(`the client confirmed receiving: ${quote(signal)}`)
        break
      default:
        tally.lastPositive = index
        tally.reasons.push(`${signal.kind === 'price' ? 'price question' : signal.kind}: ${quote(signal)}`)
    }
  }
}

function languageNote(messages: readonly StatusMessage[]): string | null {
  const text = messages
    .filter((message) => message.fromClient && typeof message.body === 'string')
    .map((message) => message.body)
    .join('\n')
  const { language, confidence } = detectLanguageWithConfidence(text)
  return language === 'und' ? null : `the client writes in ${language} (confidence ${confidence.toFixed(2)})`
}

function baseStatus(tally: Tally): { status: ClientStatus; confidence: number } {
  const { purchases, cycle, seen } = tally
  const refusal = tally.lastRefusal && tally.lastRefusal.index >= tally.lastPositive ? tally.lastRefusal : null
  if (purchases >= 2 || (purchases === 1 && tally.impliedEarlierPurchase)) return { status: 'REPEAT_CUSTOMER', confidence: 0.85 }
  if (purchases === 1) return { status: 'CUSTOMER', confidence: cycle?.paid ? 0.85 : 0.65 }
  if (tally.impliedEarlierPurchase && !refusal) return { status: 'CUSTOMER', confidence: 0.55 }
  if (refusal) return { status: 'LOST', confidence: refusal.weak ? 0.55 : 0.8 }
  if (seen.has('negotiation')) return { status: 'NEGOTIATION', confidence: 0.75 }
  if (seen.has('interest') || seen.has('price')) {
    return { status: 'INTERESTED', confidence: seen.has('interest') && seen.has('price') ? 0.8 : 0.7 }
  }
  if (tally.businessReplied) return { status: 'CONTACTED', confidence: tally.clientWrote ? 0.7 : 0.6 }
  return { status: 'NEW_LEAD', confidence: tally.clientWrote ? 0.7 : 0.4 }
}

/**
 * Detects a client's status from their conversation (any order; sorted by timestamp when every message
 * has one). A refusal after the last sign of interest makes a lead LOST; two purchases (or a repeat
 * order) a REPEAT_CUSTOMER; a long silence (inactiveAfterDays) anyone but a LOST client INACTIVE.
 * Never throws.
 */
// Callers from outside TypeScript (parsed JSON) may pass anything: never throw on it.
function isMessageList(value: unknown): value is readonly StatusMessage[] {
  return Array.isArray(value)
}

export function detectClientStatus(messages: readonly StatusMessage[], options: StatusDetectionOptions = {}): StatusDetection {
  const list = isMessageList(messages) ? messages.filter((message) => message && typeof message === 'object') : []
  if (list.length === 0) return { status: 'NEW_LEAD', confidence: 0.3, reasons: ['no messages yet'] }
  const ordered = list.every((message) => timeOf(message) !== null) ? [...list].sort((a, b) => (timeOf(a) ?? 0) - (timeOf(b) ?? 0)) : list

  const tally: Tally = {
    purchases: 0,
    cycle: null,
    repeatRequested: false,
    impliedEarlierPurchase: false,
    lastPositive: -1,
    lastRefusal: null,
    seen: new Set(),
    businessReplied: false,
    clientWrote: false,
    reasons: [],
  }
  ordered.forEach((message, index) => readMessage(tally, message, index))

  let { status, confidence } = baseStatus(tally)
  const reasons = [...tally.reasons]
  if (tally.purchases > 0) reasons.push(`${tally.purchases} purchase${tally.purchases > 1 ? 's' : ''} found`)
  if (tally.impliedEarlierPurchase) reasons.push('the client refers to an earlier purchase')
  if (!tally.businessReplied) reasons.push('no reply from the business yet')
  else if (reasons.length === 0) reasons.push('the business has replied; no buying signals yet')

  const now = options.now instanceof Date && Number.isFinite(options.now.getTime()) ? options.now.getTime() : Date.now()
  const inactiveDays = options.inactiveAfterDays ?? 90
  const times = ordered.map(timeOf).filter((time): time is number => time !== null)
  const last = times.length ? Math.max(...times) : null
  if (last !== null && status !== 'LOST' && now - last >= inactiveDays * DAY) {
    reasons.push(`no messages for ${Math.floor((now - last) / DAY)} days (was ${status})`)
    status = 'INACTIVE'
    confidence = 0.7
  }

  const language = languageNote(ordered)
  if (language) reasons.push(language)
  const signalCount = tally.reasons.length
  confidence = Math.min(0.95, confidence + Math.min(0.1, Math.max(0, signalCount - 1) * 0.03))
  return { status, confidence: Math.round(confidence * 100) / 100, reasons }
}
