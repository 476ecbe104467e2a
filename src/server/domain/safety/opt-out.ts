/**
 * Opt-outs: a customer who asked us to stop writing ("стоп", "жазбаңыз", "unsubscribe") gets no bulk or
 * agent messages (send-guard.ts); people may still answer them. Marked from their message (the incoming
 * pipeline, text/opt-out-detector) and cleared only by an admin (the customer asked again). Both are
 * written to the client's history (ClientEvent).
 */
import { db, type Prisma } from '../../db'
import { AppError } from '../../errors'
import { logger } from '../../logger'

type Tx = Prisma.TransactionClient | typeof db

export const CLIENT_OPTED_OUT = 'OPTED_OUT'
export const CLIENT_OPT_OUT_CLEARED = 'OPT_OUT_CLEARED'

export interface OptOutSource {
  /** The customer's message that said it. */
  messageId: string
  /** The phrase the detector matched, and its language. */
  phrase: string
  language: string
}

/** Marks a client opted out from their message (idempotent: a second "стоп" keeps the first date). Returns whether it changed. */
export async function recordOptOut(tx: Tx, organizationId: string, clientId: string, source: OptOutSource): Promise<boolean> {
  const { count } = await tx.client.updateMany({
    where: { id: clientId, organizationId, optedOutAt: null },
    data: { optedOutAt: new Date(), optOutSource: 'message', optOutMessageId: source.messageId },
  })
  if (!count) return false
  await tx.clientEvent.create({
    data: {
      organizationId,
      clientId,
      type: CLIENT_OPTED_OUT,
      data: { source: 'message', messageId: source.messageId, phrase: source.phrase, language: source.language },
    },
    select: { id: true },
  })
  logger.info({ organizationId, clientId, messageId: source.messageId, language: source.language }, 'client opted out')
  return true
}

/** An admin clears an opt-out (the customer asked to be written to again); recorded with who and why. */
export async function clearOptOut(organizationId: string, clientId: string, byUserId: string, reason: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const client = await tx.client.findFirst({ where: { id: clientId, organizationId }, select: { optedOutAt: true } })
    if (!client) throw new AppError('NOT_FOUND', 'clientNotFound')
    if (!client.optedOutAt) throw new AppError('BAD_REQUEST', 'clientNotOptedOut')
    await tx.client.update({ where: { id: clientId }, data: { optedOutAt: null, optOutSource: null, optOutMessageId: null }, select: { id: true } })
    await tx.clientEvent.create({
      data: { organizationId, clientId, type: CLIENT_OPT_OUT_CLEARED, data: { by: byUserId, reason, optedOutAt: client.optedOutAt.toISOString() } },
      select: { id: true },
    })
  })
  logger.info({ organizationId, clientId, by: byUserId }, 'client opt-out cleared')
}
