/**
 * The send clock of an organization: warm-up of a new number (its daily cap for bulk and agent
 * messages, shared/warm-up.ts) and quiet hours (when a queued message must wait for the morning,
 * shared/quiet-hours.ts), both in the organization's time zone.
 *
 * Quiet hours hold:
 * - bulk and agent messages (isGuardedSend): until the end of quiet hours plus the message's own
 *   offset in QUIET_SPREAD_MS, so the morning is not a burst (pacing still applies on top);
 * - a person's reply goes at once when the customer's last message came within HUMAN_REPLY_WINDOW_MS
 *   (24 h); to a customer silent for longer (or who never wrote) it waits like a bulk message, and the
 *   conversation shows until when (Message.quietUntil): an unprompted message at night is what a
 *   customer reports as spam, whoever typed it.
 * `now` is passed in everywhere, so tests set the clock in the organization's zone.
 */
import { db } from '../../db'
import { HUMAN_REPLY_WINDOW_MS, quietEndAfter, spreadOffsetMs } from '~/shared/quiet-hours'
import { warmUpState, withDailyCap, type WarmUpState } from '~/shared/warm-up'
import type { WhatsAppSettings } from '~/shared/whatsapp-settings'
import { isGuardedSend } from './send-guard'

/** Today's warm-up state of the organization's number. */
export async function warmUpOf(organizationId: string, settings: WhatsAppSettings, now = new Date()): Promise<WarmUpState> {
  const session = await db.whatsAppSession.findUnique({ where: { organizationId }, select: { numberSince: true } })
  return warmUpState(settings, session?.numberSince ?? null, now)
}

/** The settings a bulk or agent send is counted against: the daily limit lowered to today's warm-up cap. */
export async function guardedQuotaSettings(organizationId: string, settings: WhatsAppSettings, now = new Date()): Promise<WhatsAppSettings> {
  return withDailyCap(settings, (await warmUpOf(organizationId, settings, now)).cap)
}

export interface HeldMessage {
  id: string
  organizationId: string
  conversationId: string
  sender: string
  batchId: string | null
}

/** Until when quiet hours hold this message, or null when it may go now. */
export async function quietHoursHold(message: HeldMessage, settings: WhatsAppSettings, now = new Date()): Promise<Date | null> {
  const end = quietEndAfter(now, settings.timeZone, settings.quietHours)
  if (!end) return null
  if (!isGuardedSend(message)) {
    const lastIncoming = await db.message.findFirst({
      where: { organizationId: message.organizationId, conversationId: message.conversationId, direction: 'INCOMING' },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    })
    if (lastIncoming && now.getTime() - lastIncoming.createdAt.getTime() <= HUMAN_REPLY_WINDOW_MS) return null
  }
  return new Date(end.getTime() + spreadOffsetMs(message.id))
}
