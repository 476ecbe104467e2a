/**
 * The sending governor against PostgreSQL, Redis, the real send worker and the simulator: when
 * WhatsApp starts answering bulk sends with failures, bulk and agent sends pause within a bounded
 * number of sends; paused messages wait (none lost, none failed, no attempt spent) while a person's
 * reply still goes; only an admin of the organization resumes, and then every held message is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendMessageForAgent } from '../../agents/agent-api'
import { db } from '../../db'
import { createTenant, type Tenant } from '../../testing/factories'
import { clientIdOf, connectPhone, setSettings, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import { drawPercent, NO_BEHAVIOUR, outcomeOf, setBehaviour } from '../../whatsapp/engines/simulator/simulator-behaviour'
import { evaluateGovernor, readGovernorState } from './governor'

let harness: Harness
let shop: Tenant
let other: Tenant

/** A small window so the test runs in seconds: judged on ≥ 6 answered sends, pause above 10 % failures. */
const governor = { windowSends: 20, minSample: 6, maxFailedPercent: 10, maxNotOnWhatsAppPercent: 20 }
const settings = {
  safety: { enableMassSending: true, requireConfirmation: false, maxBatchSize: 100 },
  rateLimiting: { messagesPerMinute: 20, messagesPerHour: 300, messagesPerDay: 2000 },
  governor,
}
const GOOD_BEFORE = 3
const BULK = 12

// Never ending in 0000 (the simulator's "not on WhatsApp" numbers).
const phoneOf = (i: number) => `+9967009${String(1001 + i).padStart(5, '0')}`

beforeAll(async () => {
  harness = await startHarness()
  shop = await createTenant()
  other = await createTenant()
  await setSettings(shop.organization.id, settings)
  await connectPhone(harness.manager, shop.organization.id)
})

afterAll(async () => {
  await harness.stop()
})

describe('the governor', { timeout: 120_000 }, () => {
  let bulkId: string

  it('pauses bulk sends within a bounded number of sends after WhatsApp starts failing them', async () => {
    // A healthy start: a few bulk messages delivered.
    const good = await shop
      .asAdmin()
      .whatsapp.sendBulk({ messages: Array.from({ length: GOOD_BEFORE }, (_, i) => ({ to: phoneOf(i), content: `Новинки ${i}` })) })
    await waitFor(
      async () => (await db.message.count({ where: { batchId: good.batchId!, status: { in: ['SENT', 'DELIVERED', 'READ'] } } })) === GOOD_BEFORE,
      30_000,
    )
    expect((await readGovernorState(shop.organization.id)).paused).toBe(false)

    // From now on every send is acked −1.
    await setBehaviour(clientIdOf(shop.organization.id), { failAckPercent: 100, seed: 7 })
    const bulk = await shop
      .asAdmin()
      .whatsapp.sendBulk({ messages: Array.from({ length: BULK }, (_, i) => ({ to: phoneOf(100 + i), content: `Скидки ${i}` })) })
    bulkId = bulk.batchId!
    await waitFor(async () => (await readGovernorState(shop.organization.id)).paused, 90_000)

    // The rule: at least minSample answered sends, and failures above 10 % of them. With GOOD_BEFORE good
    // sends, the first moment is minSample − GOOD_BEFORE failures; a few more may be in flight (concurrency 3).
    const failedBeforePause = await db.message.count({ where: { batchId: bulkId, status: 'FAILED' } })
    const firstPossible = governor.minSample - GOOD_BEFORE
    expect(failedBeforePause).toBeGreaterThanOrEqual(firstPossible)
    expect(failedBeforePause).toBeLessThanOrEqual(firstPossible + 2)

    const state = await readGovernorState(shop.organization.id)
    expect(state.pause?.trip).toMatchObject({ reason: 'FAILED', limitPercent: 10 })
    // The recorded figures are those the rule judged: enough answered sends, more than 10 % of them failed.
    const figures = state.pause!.figures
    expect(figures.answered).toBeGreaterThanOrEqual(governor.minSample)
    expect(figures.failed * 100).toBeGreaterThan(governor.maxFailedPercent * figures.answered)
    const log = await db.governorEvent.findMany({ where: { organizationId: shop.organization.id } })
    expect(log).toEqual([expect.objectContaining({ action: 'PAUSED', actorUserId: null, reason: 'FAILED' })])
  })

  it('holds the rest: they wait unsent, not failed, no attempt spent; a person’s reply still goes', async () => {
    const settle = async () => db.message.findMany({ where: { batchId: bulkId }, select: { status: true, attempts: true, sendAttemptAt: true } })
    const before = await settle()
    // Long enough for several paced sends (3 s apart at 20/min) had the bulk not been paused.
    await new Promise((resolve) => setTimeout(resolve, 8000))
    const after = await settle()
    const pendingAfter = after.filter((m) => m.status === 'PENDING')
    expect(pendingAfter.length).toBeGreaterThan(0)
    expect(pendingAfter.length).toBe(before.filter((m) => m.status === 'PENDING').length)
    expect(pendingAfter.every((m) => m.sendAttemptAt === null && m.attempts === 0)).toBe(true)
    expect(after.filter((m) => m.status === 'FAILED').length).toBe(before.filter((m) => m.status === 'FAILED').length)

    // An agent's message is accepted and waits too.
    const agent = await sendMessageForAgent(shop.organization.id, null, 'Напоминаем о записи', shop.conversation.id, 'FOLLOW_UP')
    // A person answering the customer who wrote is not held.
    await setBehaviour(clientIdOf(shop.organization.id), {})
    const reply = await shop.asOperator().whatsapp.send({ conversationId: shop.conversation.id, content: 'Здравствуйте! Сейчас отвечу.' })
    await waitFor(async () => ['SENT', 'DELIVERED', 'READ'].includes((await db.message.findUnique({ where: { id: reply.messageId } }))?.status ?? ''), 30_000)
    expect(await db.message.findUnique({ where: { id: agent.messageId }, select: { status: true, sendAttemptAt: true } })).toEqual({
      status: 'PENDING',
      sendAttemptAt: null,
    })
  })

  it('only an admin of the organization resumes; then every held message is sent', async () => {
    await expect(shop.asOperator().whatsapp.governor.resume()).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(other.asAdmin().whatsapp.governor.resume({ organizationId: shop.organization.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    // Another organization's admin resuming their own (not paused) organization changes nothing here.
    expect(await other.asAdmin().whatsapp.governor.resume()).toMatchObject({ resumed: false })
    expect((await readGovernorState(shop.organization.id)).paused).toBe(true)
    // The operator sees the pause and its figures, not a way out.
    expect(await shop.asOperator().whatsapp.governor.status()).toMatchObject({ state: { paused: true, pause: { trip: { reason: 'FAILED' } } } })

    const held = await db.message.findMany({ where: { organizationId: shop.organization.id, status: 'PENDING', direction: 'OUTGOING' }, select: { id: true } })
    expect(held.length).toBeGreaterThan(1)
    const result = await shop.asAdmin().whatsapp.governor.resume()
    expect(result).toMatchObject({ resumed: true, state: { paused: false, resumed: { byUserId: shop.admin.id } } })

    // Woken at once (not at their next 60 s check) and sent at the paced rate.
    await waitFor(
      async () => (await db.message.count({ where: { id: { in: held.map((m) => m.id) }, status: { in: ['SENT', 'DELIVERED', 'READ'] } } })) === held.length,
      held.length * 3000 + 20_000,
    )
    expect(await db.message.count({ where: { batchId: bulkId, status: 'FAILED' } })).toBeLessThanOrEqual(governor.minSample - GOOD_BEFORE + 2)
    expect((await readGovernorState(shop.organization.id)).paused).toBe(false)

    const history = await shop.asAdmin().whatsapp.governor.history()
    expect(history.map((e) => [e.action, e.actorUserId, e.reason])).toEqual([
      ['RESUMED', shop.admin.id, 'MANUAL'],
      ['PAUSED', null, 'FAILED'],
    ])
    expect(history[0]!.actorName).toBe(shop.admin.name)
    expect(await other.asAdmin().whatsapp.governor.history()).toEqual([])

    // The rule is the admin's to tune, within bounds; an operator may not.
    await expect(shop.asAdmin().whatsapp.settings.update({ governor: { minSample: 30 } })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(shop.asOperator().whatsapp.settings.update({ governor: { minSample: 8 } })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('simulated recipients in chosen proportions', { timeout: 90_000 }, () => {
  it('a seeded mix gives the same outcomes every run; never-delivered sends pause once they are older than the delivery wait', async () => {
    const mixed = await createTenant()
    const rule = { windowSends: 20, minSample: 5, maxNotOnWhatsAppPercent: 80, maxUndeliveredPercent: 10, deliveryTimeoutMinutes: 30 }
    await setSettings(mixed.organization.id, { ...settings, governor: rule })
    await connectPhone(harness.manager, mixed.organization.id)
    const behaviour = { notOnWhatsAppPercent: 30, undeliveredPercent: 30, seed: 42 }
    await setBehaviour(clientIdOf(mixed.organization.id), behaviour)
    const SENDS = 8
    const expected = Array.from({ length: SENDS }, (_, i) => outcomeOf({ ...NO_BEHAVIOUR, ...behaviour }, drawPercent(behaviour.seed, i + 1)))
    const count = (o: string) => expected.filter((e) => e === o).length

    const bulk = await mixed
      .asAdmin()
      .whatsapp.sendBulk({ messages: Array.from({ length: SENDS }, (_, i) => ({ to: phoneOf(500 + i), content: `Акция ${i}` })) })
    await waitFor(async () => (await db.message.count({ where: { batchId: bulk.batchId!, status: 'PENDING', whatsappMessageId: null } })) === 0, 60_000)
    // Acks settle (the simulator's READ comes 120 ms after a send).
    await new Promise((resolve) => setTimeout(resolve, 500))
    const rows = await db.message.findMany({ where: { batchId: bulk.batchId! }, select: { status: true, skipReason: true, deliveredAt: true, readAt: true } })
    expect(rows.filter((r) => r.skipReason === 'NOT_ON_WHATSAPP')).toHaveLength(count('notOnWhatsApp'))
    expect(rows.filter((r) => r.status === 'SENT' && !r.deliveredAt && !r.readAt)).toHaveLength(count('undelivered'))
    expect(rows.filter((r) => r.status === 'READ')).toHaveLength(count('ok'))

    // Judged now: nothing is older than the delivery wait yet, so "never delivered" is not judged.
    const { figures } = await mixed.asAdmin().whatsapp.governor.status()
    expect(figures).toMatchObject({ answered: SENDS, notOnWhatsApp: count('notOnWhatsApp'), matured: 0, undelivered: 0 })
    expect(await evaluateGovernor(mixed.organization.id)).toBe(false)
    // 31 minutes later the undelivered share is judged, and it is above 10 %.
    const later = new Date(Date.now() + 31 * 60_000)
    expect(await evaluateGovernor(mixed.organization.id, later)).toBe(count('undelivered') * 100 > 10 * (SENDS - count('notOnWhatsApp')))
    const state = await readGovernorState(mixed.organization.id)
    expect(state.pause?.trip).toMatchObject({ reason: 'UNDELIVERED', sample: SENDS - count('notOnWhatsApp') })
    // The other organization's state is untouched.
    expect((await readGovernorState(other.organization.id)).paused).toBe(false)
  })
})
