/**
 * The dashboard's aggregates (issue 16 point 3) on seeded data against PostgreSQL: messages per local
 * day (the organization's time zone decides the day of a message near midnight), the median first
 * response by its definition (message-activity.ts), delivery outcomes, the uptime strip from the status
 * history written by the single status setter (and its retention), the quota gauges, and another
 * organization's data never counted. The procedures are for admins: an operator is refused.
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import type { MessageDirection, MessageSender, MessageStatus, WhatsAppSessionStatus } from '../../db/generated/enums'
import { consumeQuota } from '../../queues/quota'
import { codeOf } from '../../api/testing/error-code'
import { createClient, createOrganization, createTenant, createUser } from '../../testing/factories'
import { createServerCaller } from '../../api/root'
import { setSessionStatus, STATUS_HISTORY_RETENTION_DAYS } from '../../whatsapp/session-status'
import { getWhatsAppSettings, updateWhatsAppSettings } from '../settings/settings-service'
import { readConnectionUptime, readDashboardActivity, readDeliveryOutcomes } from './dashboard-service'

/** 18:00 in Bishkek (UTC+6) on 20 November 2026: "today" of these tests. */
const NOW = new Date('2026-11-20T12:00:00Z')
const MIN = 60_000

async function conversationOf(organizationId: string) {
  const client = await createClient(organizationId)
  return db.conversation.create({ data: { organizationId, clientId: client.id }, select: { id: true } })
}

interface Seeded {
  at: Date | string
  direction?: MessageDirection
  sender?: MessageSender
  status?: MessageStatus
  batchId?: string
  origin?: 'CRM' | 'PHONE'
}

async function seed(organizationId: string, conversationId: string, messages: Seeded[]) {
  await db.message.createMany({
    data: messages.map((m) => {
      const direction = m.direction ?? 'INCOMING'
      return {
        organizationId,
        conversationId,
        content: 'x',
        direction,
        sender: m.sender ?? (direction === 'INCOMING' ? 'CLIENT' : 'HUMAN'),
        status: m.status ?? (direction === 'INCOMING' ? 'DELIVERED' : 'SENT'),
        batchId: m.batchId ?? null,
        origin: m.origin ?? 'CRM',
        whatsappMessageId: `dash_${randomUUID()}`,
        createdAt: new Date(m.at),
      }
    }),
  })
}

const customer = (at: Date | string): Seeded => ({ at })
const reply = (at: Date | string, extra: Partial<Seeded> = {}): Seeded => ({ at, direction: 'OUTGOING', ...extra })
const plus = (at: string, minutes: number) => new Date(new Date(at).getTime() + minutes * MIN)

describe('messages per day', () => {
  let org: string
  let other: string

  beforeAll(async () => {
    org = (await createOrganization()).id
    other = (await createOrganization()).id
    const conversation = await conversationOf(org)
    await seed(org, conversation.id, [
      // 23:59 and 00:01 in Bishkek: two local days, one UTC day.
      customer('2026-11-19T17:59:00Z'),
      customer('2026-11-19T18:01:00Z'),
      reply('2026-11-19T18:02:00Z'),
      reply('2026-11-19T18:03:00Z', { status: 'FAILED' }),
      // Never sent on purpose: not "out".
      reply('2026-11-19T18:04:00Z', { status: 'SKIPPED' }),
      // 30 days up to today start on 22 October: 01:00 that day in Bishkek, and 23:00 the day before (out).
      customer('2026-10-21T19:00:00Z'),
      customer('2026-10-21T17:00:00Z'),
    ])
    // The other organization writes on the same days: never counted here.
    const theirs = await conversationOf(other)
    await seed(other, theirs.id, [
      customer('2026-11-19T17:59:00Z'),
      customer('2026-11-19T18:01:00Z'),
      reply('2026-11-19T18:02:00Z'),
      customer('2026-10-22T10:00:00Z'),
    ])
  })

  it('counts by the local day of the organization’s time zone, every day present, nothing of another organization', async () => {
    const { timeZone, messages } = await readDashboardActivity(org, 30, NOW)
    expect(timeZone).toBe('Asia/Bishkek')
    expect(messages).toHaveLength(30)
    expect(messages[0]).toEqual({ day: '2026-10-22', incoming: 1, outgoing: 0 })
    expect(messages.at(-1)).toEqual({ day: '2026-11-20', incoming: 1, outgoing: 2 })
    expect(messages.find((d) => d.day === '2026-11-19')).toEqual({ day: '2026-11-19', incoming: 1, outgoing: 0 })
    expect(messages.reduce((sum, d) => sum + d.incoming + d.outgoing, 0)).toBe(5)
  })

  it('moves the midnight with the time zone setting', async () => {
    await updateWhatsAppSettings(org, { timeZone: 'UTC' })
    try {
      const { messages } = await readDashboardActivity(org, 30, NOW)
      expect(messages.at(-1)).toEqual({ day: '2026-11-20', incoming: 0, outgoing: 0 })
      expect(messages.find((d) => d.day === '2026-11-19')).toEqual({ day: '2026-11-19', incoming: 2, outgoing: 2 })
      // In UTC the range starts on 22 October 00:00 UTC: the 21 October 19:00 UTC message is out.
      expect(messages[0]).toEqual({ day: '2026-10-22', incoming: 0, outgoing: 0 })
    } finally {
      await updateWhatsAppSettings(org, { timeZone: 'Asia/Bishkek' })
    }
    expect((await getWhatsAppSettings(org)).timeZone).toBe('Asia/Bishkek')
  })
})

describe('median first response', () => {
  let org: string

  beforeAll(async () => {
    org = (await createOrganization()).id
    const other = (await createOrganization()).id
    const batch = await db.bulkBatch.create({ data: { organizationId: org, sender: 'HUMAN', total: 1 }, select: { id: true } })
    const [a, b, c, d, e] = [
      await conversationOf(org),
      await conversationOf(org),
      await conversationOf(org),
      await conversationOf(org),
      await conversationOf(org),
    ]
    // 19 November, 10:00 in Bishkek.
    const t = '2026-11-19T04:00:00Z'
    await seed(org, a.id, [
      customer(t),
      customer(plus(t, 2)), // still the same waiting period
      reply(plus(t, 3), { sender: 'AI' }), // an agent's reply does not end it
      reply(plus(t, 10)), // 600 s
      customer(plus(t, 60)), // a new period
      reply(plus(t, 90), { origin: 'PHONE' }), // answered on the phone: 1800 s
    ])
    await seed(org, b.id, [
      customer(plus(t, 5)),
      reply(plus(t, 6), { batchId: batch.id }), // a bulk message is no reply
      reply(plus(t, 45)), // 2400 s
    ])
    // Not answered yet: counted apart.
    await seed(org, c.id, [customer(plus(t, 30))])
    // 23:50 on 19 November in Bishkek, answered at 00:20 on the 20th: 1800 s, on the 19th.
    await seed(org, d.id, [customer('2026-11-19T17:50:00Z'), reply('2026-11-19T18:20:00Z')])
    // Today: one answer after 120 s; a skipped (never sent) reply does not count.
    await seed(org, e.id, [customer('2026-11-20T05:00:00Z'), reply('2026-11-20T05:01:00Z', { status: 'SKIPPED' }), reply('2026-11-20T05:02:00Z')])
    // Another organization answers after 10 s on the same day: never in these figures.
    const theirs = await conversationOf(other)
    await seed(other, theirs.id, [customer(plus(t, 1)), reply(plus(t, 1.2)), customer(plus(t, 100)), reply(plus(t, 100.2))])
  })

  it('follows the definition: starts of waiting periods, the first human reply, per local day of the customer’s message', async () => {
    const { firstResponse } = await readDashboardActivity(org, 30, NOW)
    expect(firstResponse).toHaveLength(30)
    const day19 = firstResponse.find((d) => d.day === '2026-11-19')
    // 600, 1800, 2400, 1800 → median 1800; one still waiting.
    expect(day19).toEqual({ day: '2026-11-19', medianSeconds: 1800, answered: 4, unanswered: 1 })
    expect(firstResponse.at(-1)).toEqual({ day: '2026-11-20', medianSeconds: 120, answered: 1, unanswered: 0 })
    expect(firstResponse.filter((d) => d.answered + d.unanswered > 0).map((d) => d.day)).toEqual(['2026-11-19', '2026-11-20'])
  })
})

describe('delivery outcomes', () => {
  it('counts the outgoing messages of each of the last 7 local days by status, nothing else', async () => {
    const org = (await createOrganization()).id
    const other = (await createOrganization()).id
    const conversation = await conversationOf(org)
    const statuses: MessageStatus[] = ['READ', 'READ', 'DELIVERED', 'FAILED', 'SENT', 'PENDING', 'SKIPPED']
    await seed(org, conversation.id, [
      ...statuses.map((status, i) => reply(plus('2026-11-18T06:00:00Z', i), { status })),
      // 00:30 on 14 November in Bishkek is the first of 7 days; 23:30 on the 13th is out of range.
      reply('2026-11-13T18:30:00Z', { status: 'DELIVERED' }),
      reply('2026-11-13T17:30:00Z', { status: 'DELIVERED' }),
      customer('2026-11-18T06:00:00Z'),
    ])
    const theirs = await conversationOf(other)
    await seed(other, theirs.id, [reply('2026-11-18T06:00:00Z', { status: 'FAILED' })])
    const { days } = await readDeliveryOutcomes(org, 7, NOW)
    expect(days.map((d) => d.day)).toEqual(['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'])
    expect(days[0]).toEqual({ day: '2026-11-14', read: 0, delivered: 1, failed: 0, sent: 0 })
    expect(days[4]).toEqual({ day: '2026-11-18', read: 2, delivered: 1, failed: 1, sent: 1 })
    expect(days.reduce((sum, d) => sum + d.read + d.delivered + d.failed + d.sent, 0)).toBe(6)
  })
})

describe('connection uptime', () => {
  async function event(organizationId: string, status: WhatsAppSessionStatus, at: string) {
    await db.whatsAppStatusEvent.create({ data: { organizationId, status, createdAt: new Date(at) } })
  }

  it('cuts the last 7 days into hourly slots from the status history', async () => {
    const org = (await createOrganization()).id
    const other = (await createOrganization()).id
    // Connected since before the range; an error for 2 hours on the 18th; a disconnect for the last 3 hours.
    await event(org, 'CONNECTED', '2026-11-01T00:00:00Z')
    await event(org, 'ERROR', '2026-11-18T06:00:00Z')
    await event(org, 'CONNECTED', '2026-11-18T08:00:00Z')
    await event(org, 'DISCONNECTED', '2026-11-20T09:00:00Z')
    // The other organization was in error the whole week: never shown here.
    await event(other, 'ERROR', '2026-11-10T00:00:00Z')
    const strip = await readConnectionUptime(org, 7, NOW)
    expect(strip.slotMinutes).toBe(60)
    expect(strip.slots).toHaveLength(7 * 24)
    expect(strip.slots[0]!.from).toEqual(new Date('2026-11-13T13:00:00Z'))
    const stateAt = (iso: string) => strip.slots.find((s) => s.from.getTime() === new Date(iso).getTime())?.state
    expect(stateAt('2026-11-13T13:00:00Z')).toBe('connected')
    expect(stateAt('2026-11-18T06:00:00Z')).toBe('error')
    expect(stateAt('2026-11-18T07:00:00Z')).toBe('error')
    expect(stateAt('2026-11-18T08:00:00Z')).toBe('connected')
    expect(stateAt('2026-11-20T09:00:00Z')).toBe('disconnected')
    expect(strip.slots.filter((s) => s.state === 'error')).toHaveLength(2)
    expect(strip.slots.filter((s) => s.state === 'disconnected')).toHaveLength(3)
    // The hour begun at 12:00 (now) is not known yet: of 167 hours, 2 in error and 3 disconnected.
    expect(strip.slots.at(-1)).toEqual({ from: new Date('2026-11-20T12:00:00Z'), state: 'unknown' })
    expect(strip.connectedShare).toBeCloseTo(162 / 167, 5)
  })

  it('is unknown before the first change ever recorded', async () => {
    const org = (await createOrganization()).id
    await event(org, 'CONNECTED', '2026-11-19T12:00:00Z')
    const strip = await readConnectionUptime(org, 7, NOW)
    // The 143 hours before the 19th 12:00, and the hour that just began at 12:00 on the 20th; 24 connected.
    expect(strip.slots.filter((s) => s.state === 'unknown')).toHaveLength(143 + 1)
    expect(strip.slots.filter((s) => s.state === 'connected')).toHaveLength(24)
    expect(strip.connectedShare).toBe(1)
  })

  it('the status setter records each change once and prunes past the retention, keeping the newest older row', async () => {
    const org = (await createOrganization()).id
    const old = Date.now() - (STATUS_HISTORY_RETENTION_DAYS + 5) * 86_400_000
    await db.whatsAppStatusEvent.createMany({
      data: [
        { organizationId: org, status: 'CONNECTED', createdAt: new Date(old - 86_400_000) },
        { organizationId: org, status: 'DISCONNECTED', createdAt: new Date(old) },
      ],
    })
    await setSessionStatus(org, { status: 'CONNECTING' })
    await setSessionStatus(org, { status: 'CONNECTING' })
    await setSessionStatus(org, { qrCode: null })
    await setSessionStatus(org, { status: 'CONNECTED' })
    const rows = await db.whatsAppStatusEvent.findMany({
      where: { organizationId: org },
      orderBy: { createdAt: 'asc' },
      select: { status: true, createdAt: true },
    })
    expect(rows.map((r) => r.status)).toEqual(['DISCONNECTED', 'CONNECTING', 'CONNECTED'])
    expect(rows[0]!.createdAt.getTime()).toBe(old)
  })
})

describe('procedures', () => {
  it('are for admins, scoped to their organization; the quota gauges show the counters the send path consumes', async () => {
    const shop = await createTenant()
    const other = await createTenant()
    const settings = await getWhatsAppSettings(shop.organization.id)
    await consumeQuota(shop.organization.id, settings, 3)
    const gauges = await shop.asAdmin().dashboard.quota()
    expect(gauges.map((g) => [g.window, g.used, g.limit])).toEqual([
      ['minute', 3, settings.rateLimiting.messagesPerMinute],
      ['hour', 3, settings.rateLimiting.messagesPerHour],
      ['day', 3, settings.rateLimiting.messagesPerDay],
    ])
    expect((await other.asAdmin().dashboard.quota()).map((g) => g.used)).toEqual([0, 0, 0])
    // The tenant's two customer messages of today, through the router with its default range.
    const activity = await shop.asAdmin().dashboard.activity()
    expect(activity.messages).toHaveLength(30)
    expect(activity.messages.reduce((sum, d) => sum + d.incoming, 0)).toBe(2)
    expect((await other.asAdmin().dashboard.delivery({ days: 7 })).days).toHaveLength(7)
    expect((await shop.asAdmin().dashboard.uptime()).slots).toHaveLength(7 * 24)

    expect(await codeOf(shop.asOperator().dashboard.activity())).toBe('FORBIDDEN')
    expect(await codeOf(shop.asOperator().dashboard.quota())).toBe('FORBIDDEN')
    expect(await codeOf(other.asAdmin().dashboard.activity({ organizationId: shop.organization.id, days: 30 }))).toBe('FORBIDDEN')
    expect(await codeOf(shop.asAdmin().dashboard.activity({ days: 91 }))).toBe('BAD_REQUEST')
    const superAdmin = await createUser(other.organization.id, 'SUPER_ADMIN')
    const seen = await createServerCaller(superAdmin, 'test').dashboard.activity({ organizationId: shop.organization.id, days: 30 })
    expect(seen.messages.reduce((sum, d) => sum + d.incoming, 0)).toBe(2)
  })
})
