/**
 * Sends under one organization's 1,000-message bulk (issue 15 point 2): another organization's operator
 * reply is taken by the send worker next (not behind the bulk's jobs, which the pacing gate keeps
 * re-delaying) and goes out on its first pass, so nothing but its own organization's pacing could hold it.
 * The proof is the order of the worker's jobs, not a time.
 *
 * Without the fair priorities (queues/org-fairness.ts) the reply waited behind every bulk job queued
 * before it: they all had the same BullMQ priority and are taken FIFO, and each is re-delayed by its
 * organization's pacing only after the worker took it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { enqueueSend } from '../../queues/send-queue'
import { createTenant, type Tenant } from '../../testing/factories'
import { connectPhone, setSettings, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'

const BULK = 1000
let harness: Harness
let bulky: Tenant
let calm: Tenant

beforeAll(async () => {
  harness = await startHarness()
  bulky = await createTenant()
  calm = await createTenant()
  await setSettings(bulky.organization.id, { rateLimiting: { messagesPerMinute: 20, messagesPerHour: 300, messagesPerDay: 2000 } })
  for (const t of [bulky, calm]) await connectPhone(harness.manager, t.organization.id)
})

afterAll(async () => {
  await harness.stop()
})

/** A bulk of `count` messages to as many customers, queued as bulk-service queues them (the quota's own checks are not the point here). */
async function queueBulk(organizationId: string, count: number): Promise<string[]> {
  const clients = await db.client.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      organizationId,
      phone: `+99670088${String(i).padStart(4, '0')}`,
      whatsappId: `99670088${String(i).padStart(4, '0')}@c.us`,
      name: `Покупатель ${i}`,
    })),
    select: { id: true },
  })
  const conversations = await db.conversation.createManyAndReturn({
    data: clients.map((c) => ({ organizationId, clientId: c.id, channel: 'WHATSAPP' as const })),
    select: { id: true },
  })
  const batch = await db.bulkBatch.create({ data: { organizationId, sender: 'HUMAN', total: count }, select: { id: true } })
  const messages = await db.message.createManyAndReturn({
    data: conversations.map((c, i) => ({
      organizationId,
      conversationId: c.id,
      content: `Акция ${i}`,
      direction: 'OUTGOING' as const,
      sender: 'HUMAN' as const,
      status: 'PENDING' as const,
      priority: 1,
      batchId: batch.id,
    })),
    select: { id: true },
  })
  for (const m of messages) expect(await enqueueSend({ messageId: m.id, organizationId }, { lane: 'bulk' })).toBe(true)
  return messages.map((m) => m.id)
}

describe('sends under another organization’s 1,000-message bulk', () => {
  it('an operator’s reply is taken next and goes out on its first pass', async () => {
    const activations: Array<{ organizationId: string; messageId: string; at: number; addedAt: number }> = []
    harness.pipeline.sendWorker.on('active', (job) =>
      activations.push({ organizationId: job.data.organizationId, messageId: job.data.messageId, at: Date.now(), addedAt: job.timestamp }),
    )

    await queueBulk(bulky.organization.id, BULK)
    // While the worker is still going through the bulk's jobs for the first time.
    const mark = activations.length
    const reply = await calm.asOperator().whatsapp.send({ to: '+996700777101', content: 'Здравствуйте! Да, есть в наличии.' })
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: reply.messageId } })).whatsappMessageId !== null, 120_000, 100)

    const replyAt = activations.findIndex((a) => a.messageId === reply.messageId)
    expect(replyAt).toBeGreaterThanOrEqual(mark)
    // Counted from when the reply's job was in the queue (the send call's own work before that is not the queue's).
    const addedAt = activations[replyAt]!.addedAt
    const bulkBefore = activations.slice(mark, replyAt).filter((a) => a.organizationId === bulky.organization.id && a.at >= addedAt).length
    // At most the bulk's first job (priority 1 too, queued earlier) plus jobs the worker had already fetched (its concurrency, 10).
    expect(bulkBefore).toBeLessThanOrEqual(11)
    // And most of the bulk was still waiting: the reply did not merely come after a finished bulk.
    expect(await db.message.count({ where: { organizationId: bulky.organization.id, status: 'PENDING', whatsappMessageId: null } })).toBeGreaterThan(BULK / 2)
    // Taken once: no wait for anything (its own organization sends nothing else, so its pacing let it go at once).
    expect(activations.filter((a) => a.messageId === reply.messageId)).toHaveLength(1)
  }, 180_000)
})
