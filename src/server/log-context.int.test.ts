/**
 * Issue 16 point 4: one id follows an operator's action through the logs — the tRPC call (made in a
 * request's context, as server.ts makes every request), the send job it queues, and the engine's send —
 * and each line carries the organization; the incoming side carries its job id.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createServerCaller } from './api/root'
import { db } from './db'
import { withLogContext } from './log-context'
import { logger, tapLogs } from './logger'
import { createTenant, type Tenant } from './testing/factories'
import { clientIdOf, connectPhone, startHarness, type Harness } from './testing/pipeline-harness'
import { waitFor } from './testing/wait-for'
import * as phone from './whatsapp/engines/simulator/simulator-control'

let harness: Harness
let shop: Tenant
const lines: Record<string, unknown>[] = []
let untap: () => void
const previousLevel = logger.level

beforeAll(async () => {
  // Tests log nothing by default: this one listens at info, without writing the lines out.
  logger.level = 'info'
  untap = tapLogs((line) => lines.push(JSON.parse(line) as Record<string, unknown>), { swallow: true })
  harness = await startHarness()
  shop = await createTenant()
  await connectPhone(harness.manager, shop.organization.id)
})

afterAll(async () => {
  await harness.stop()
  untap()
  logger.level = previousLevel
})

it('a request id follows whatsapp.send from the tRPC call through the send job to the engine’s send', async () => {
  const requestId = `req-${Date.now()}`
  const caller = createServerCaller(shop.operator, 'test')
  const sent = await withLogContext({ requestId }, () => caller.whatsapp.send({ to: '+996700555101', content: 'Здравствуйте! Ваш заказ готов.' }))
  await waitFor(async () => (await db.message.findUnique({ where: { id: sent.messageId } }))?.whatsappMessageId, 20_000)

  const traced = await waitFor(() => {
    const found = lines.filter((l) => l.requestId === requestId)
    return found.some((l) => l.msg === 'message sent') ? found : null
  }, 20_000)
  const sentLine = traced.find((l) => l.msg === 'message sent')!
  // The worker's line: the job (its id is the message id), its queue, and the organization.
  expect(sentLine).toMatchObject({ requestId, jobId: sent.messageId, queue: 'whatsapp-send', organizationId: shop.organization.id })
  // Every line of the request carries the organization, and none carries the text.
  for (const line of traced) expect(line.organizationId, String(line.msg)).toBe(shop.organization.id)
  expect(JSON.stringify(traced)).not.toContain('Ваш заказ')
  // The organization appears once per line even where a child logger binds it too.
  expect(lines.every((l) => !Array.isArray(l.organizationId))).toBe(true)
})

it('an incoming message is processed in its job’s context, apart from any request', async () => {
  const from = '+996700555102'
  await phone.sendAsCustomer(clientIdOf(shop.organization.id), { from, body: 'Салам, баасы канча?' })
  const message = await waitFor(() =>
    db.message.findFirst({ where: { organizationId: shop.organization.id, whatsappMessageId: { contains: '996700555102' } } }),
  )
  const inbox = await db.incomingInbox.findFirstOrThrow({ where: { organizationId: shop.organization.id, whatsappMessageId: message.whatsappMessageId! } })
  const jobLines = await waitFor(() => {
    const found = lines.filter((l) => l.jobId === `inbox-${inbox.id}`)
    return found.length ? found : null
  })
  for (const line of jobLines) {
    expect(line).toMatchObject({ queue: 'whatsapp-incoming-process', organizationId: shop.organization.id })
    expect(line.requestId).toBeUndefined()
  }
})
