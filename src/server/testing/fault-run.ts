/**
 * The workload and the measurement of a fault scenario (fault-scenarios.ts), shared by the fault
 * integration tests and bench/faults.ts: customers of several organizations write (incoming, known by
 * their WhatsApp ids), operators queue replies in several conversations (known by their texts), and the
 * figures are read back from the database (stored rows) and from what the engine sent (each reply once,
 * in order per conversation).
 */
import { randomInt } from 'node:crypto'
import { db } from '../db'
import { acceptOutgoing } from '../domain/messages/send-service'
import { waitFor } from './wait-for'

export interface FaultTenant {
  organizationId: string
  operatorId: string
}

/** One send as the engine (the simulated WhatsApp) saw it, in the order it was sent. */
export interface Delivery {
  chatId: string
  text: string
}

/** A customer writes: returns the WhatsApp id of the message. */
export type CustomerWrites = (tenant: FaultTenant, customerPhone: string, body: string) => Promise<string>

export interface FaultReport {
  scenario: string
  injectedIncoming: number
  injectedReplies: number
  /** Incoming messages stored as Message rows (distinct WhatsApp ids). */
  storedIncoming: number
  /** Replies stored as Message rows. */
  storedReplies: number
  /** Replies the engine sent (distinct). */
  delivered: number
  lostIncoming: number
  lostReplies: number
  duplicatedIncoming: number
  duplicatedReplies: number
  /** Replies sent while an earlier-accepted reply of the same conversation had not been sent yet. */
  outOfOrder: number
  /** Fault cleared → both paths moved again: a customer message stored and a reply sent (null: not within the wait). */
  resumedSeconds: number | null
  /** Fault cleared → everything injected stored and sent (null: not within the wait). */
  drainedSeconds: number | null
  note?: string
}

interface Reply {
  id: string
  chatId: string
  text: string
  /** Acceptance order within its conversation. */
  seq: number
}

export class FaultWorkload {
  private readonly incomingIds: string[] = []
  private readonly replies: Reply[] = []
  private readonly run = String(randomInt(100, 1000))
  private written = 0
  private replyRounds = 0

  constructor(
    readonly scenario: string,
    readonly tenants: FaultTenant[],
    private readonly options: { customers: number; writes: CustomerWrites; deliveries: () => Promise<Delivery[]> },
  ) {
    if (options.customers < 1 || options.customers > 99 || tenants.length > 99) throw new RangeError('1-99 customers and at most 99 organizations')
  }

  /** A Kyrgyz mobile number per (organization, customer) of this run: +996 70 <run> <org> <customer>. */
  customerPhone(tenantIndex: number, customer: number): string {
    return `+99670${this.run}${String(tenantIndex + 1).padStart(2, '0')}${String(customer + 1).padStart(2, '0')}`
  }

  chatIdOf(tenantIndex: number, customer: number): string {
    return `${this.customerPhone(tenantIndex, customer).slice(1)}@c.us`
  }

  get injectedIncoming(): number {
    return this.incomingIds.length
  }

  get injectedReplies(): number {
    return this.replies.length
  }

  /** `count` customer messages, round robin over organizations and their customers. */
  async writeIncoming(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const n = this.written++
      const t = n % this.tenants.length
      const customer = Math.floor(n / this.tenants.length) % this.options.customers
      const id = await this.options.writes(this.tenants[t]!, this.customerPhone(t, customer), `${this.scenario}: клиент ${customer + 1}, сообщение ${n + 1}`)
      this.incomingIds.push(id)
    }
  }

  /**
   * `rounds` replies in each of the first `conversations` conversations of every organization, accepted
   * one after another (as an operator types them), interleaved across conversations.
   */
  async queueReplies(rounds: number, conversations: number): Promise<void> {
    for (let r = 0; r < rounds; r++) {
      const round = this.replyRounds++
      await Promise.all(
        this.tenants.map(async (tenant, t) => {
          for (let c = 0; c < Math.min(conversations, this.options.customers); c++) {
            const text = `${this.scenario}: ответ ${round + 1} клиенту ${c + 1} (орг. ${t + 1})`
            const accepted = await acceptOutgoing({
              organizationId: tenant.organizationId,
              to: this.customerPhone(t, c),
              content: text,
              sender: 'HUMAN',
              senderId: tenant.operatorId,
            })
            this.replies.push({ id: accepted.id, chatId: this.chatIdOf(t, c), text, seq: round })
          }
        }),
      )
    }
  }

  private get organizationIds() {
    return this.tenants.map((t) => t.organizationId)
  }

  private async storedIncomingRows(): Promise<Array<{ whatsappMessageId: string | null }>> {
    return db.message.findMany({
      where: { organizationId: { in: this.organizationIds }, whatsappMessageId: { in: this.incomingIds } },
      select: { whatsappMessageId: true },
    })
  }

  /** How far the pipeline got: incoming rows stored and replies sent (distinct). */
  async progress(): Promise<{ stored: number; delivered: number; done: boolean }> {
    const stored = new Set((await this.storedIncomingRows()).map((r) => r.whatsappMessageId)).size
    const texts = new Set(this.replies.map((r) => r.text))
    const delivered = new Set((await this.options.deliveries()).filter((d) => texts.has(d.text)).map((d) => d.text)).size
    return { stored, delivered, done: stored === this.incomingIds.length && delivered === this.replies.length }
  }

  /**
   * Waits (polling) from the moment the fault cleared until everything is stored and sent, or `timeoutMs`.
   * Resumed: the first poll that shows both more customer messages stored and more replies sent than at
   * the start of the wait (each, or all of its kind already done): both paths work again.
   */
  async waitForDrain(clearedAt: number, timeoutMs: number): Promise<{ resumedSeconds: number | null; drainedSeconds: number | null }> {
    const first = await this.progress()
    let resumedAt: number | null = first.done ? Date.now() : null
    const drainedAt = await waitFor(
      async () => {
        const p = await this.progress()
        const moved =
          (p.stored > first.stored || p.stored === this.incomingIds.length) && (p.delivered > first.delivered || p.delivered === this.replies.length)
        if (resumedAt === null && moved) resumedAt = Date.now()
        return p.done ? Date.now() : null
      },
      timeoutMs,
      100,
    ).catch(() => null)
    const seconds = (at: number | null) => (at === null ? null : Math.max(0, at - clearedAt) / 1000)
    return { resumedSeconds: seconds(resumedAt), drainedSeconds: seconds(drainedAt) }
  }

  /** Reads the figures: stored, sent, lost, duplicated, out of order. */
  async report(times: { resumedSeconds: number | null; drainedSeconds: number | null }, note?: string): Promise<FaultReport> {
    const incomingRows = await this.storedIncomingRows()
    const storedIncoming = new Set(incomingRows.map((r) => r.whatsappMessageId)).size
    const storedReplies = await db.message.count({ where: { id: { in: this.replies.map((r) => r.id) } } })
    const byText = new Map(this.replies.map((r) => [r.text, r]))
    const sent = (await this.options.deliveries()).filter((d) => byText.has(d.text))
    const deliveredTexts = new Set(sent.map((d) => d.text))
    return {
      scenario: this.scenario,
      injectedIncoming: this.incomingIds.length,
      injectedReplies: this.replies.length,
      storedIncoming,
      storedReplies,
      delivered: deliveredTexts.size,
      lostIncoming: this.incomingIds.length - storedIncoming,
      lostReplies: this.replies.length - deliveredTexts.size,
      duplicatedIncoming: incomingRows.length - storedIncoming,
      duplicatedReplies: sent.length - deliveredTexts.size,
      outOfOrder: countOutOfOrder(sent, byText),
      ...times,
      ...(note ? { note } : {}),
    }
  }
}

/** Per conversation: a reply counts when it left while one accepted before it (same conversation) had not. */
export function countOutOfOrder(sent: Delivery[], replies: Map<string, { chatId: string; seq: number }>): number {
  const seen = new Set<string>()
  const firstSends = sent.filter((d) => !seen.has(d.text) && seen.add(d.text))
  let outOfOrder = 0
  const highest = new Map<string, number>()
  for (const d of firstSends) {
    const reply = replies.get(d.text)!
    const top = highest.get(reply.chatId) ?? -1
    if (reply.seq < top) outOfOrder += 1
    else highest.set(reply.chatId, reply.seq)
  }
  return outOfOrder
}

/** The reports as a fixed-width table (one row per scenario). */
export function formatFaultTable(reports: FaultReport[]): string {
  const num = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(1))
  const rows = reports.map((r) => [
    r.scenario,
    `${r.injectedIncoming} in / ${r.injectedReplies} out`,
    `${r.storedIncoming} / ${r.storedReplies}`,
    String(r.delivered),
    `${r.lostIncoming} / ${r.lostReplies}`,
    `${r.duplicatedIncoming} / ${r.duplicatedReplies}`,
    String(r.outOfOrder),
    num(r.resumedSeconds),
    num(r.drainedSeconds),
  ])
  const header = ['scenario', 'injected', 'stored in/out', 'delivered', 'lost in/out', 'duplicated in/out', 'out of order', 'resumed s', 'drained s']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  const notes = reports.filter((r) => r.note).map((r) => `- ${r.scenario}: ${r.note}`)
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n')
}
