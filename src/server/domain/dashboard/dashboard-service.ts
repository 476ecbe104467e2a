/**
 * The org admin's dashboard (issue 16 point 3): each chart's figures for one organization, in the
 * organization's time zone (its WhatsApp settings, default Asia/Bishkek). The tRPC handlers are one-liners over these.
 */
import { getWhatsAppSettings } from '../settings/settings-service'
import { AppError } from '../../errors'
import { readQuota, type QuotaWindow } from '../../queues/quota'
import { connectionUptime, type UptimeStrip } from './connection-uptime'
import { lastLocalDays } from './dashboard-days'
import { deliveryOutcomesPerDay, type DeliveryDay } from './delivery-outcomes'
import { firstResponsePerDay, messagesPerDay, type FirstResponseDay, type MessagesDay } from './message-activity'

export interface DashboardActivity {
  timeZone: string
  messages: MessagesDay[]
  firstResponse: FirstResponseDay[]
}

/** Messages in and out and the median first response, per local day of the last `days`. */
export async function readDashboardActivity(organizationId: string, days: number, now = new Date()): Promise<DashboardActivity> {
  const { timeZone } = await getWhatsAppSettings(organizationId)
  const range = lastLocalDays(now, days, timeZone)
  const [messages, firstResponse] = await Promise.all([
    messagesPerDay(organizationId, timeZone, range),
    firstResponsePerDay(organizationId, timeZone, range, now),
  ])
  return { timeZone, messages, firstResponse }
}

/** Outcomes of the outgoing messages of each local day of the last `days`. */
export async function readDeliveryOutcomes(organizationId: string, days: number, now = new Date()): Promise<{ timeZone: string; days: DeliveryDay[] }> {
  const { timeZone } = await getWhatsAppSettings(organizationId)
  return { timeZone, days: await deliveryOutcomesPerDay(organizationId, timeZone, lastLocalDays(now, days, timeZone)) }
}

/** Hourly slots of the connection's state over the last `days` (up to now). */
export async function readConnectionUptime(organizationId: string, days: number, now = new Date()): Promise<UptimeStrip & { timeZone: string }> {
  const { timeZone } = await getWhatsAppSettings(organizationId)
  const slotMinutes = 60
  // Whole hours, the last one running (known up to now): days × 24 slots.
  const to = new Date((Math.floor(now.getTime() / 3_600_000) + 1) * 3_600_000)
  const from = new Date(to.getTime() - days * 24 * 3_600_000)
  const strip = await connectionUptime(organizationId, from, to, slotMinutes, now)
  return { ...strip, timeZone }
}

export interface QuotaGauge {
  window: QuotaWindow
  used: number
  limit: number
  resetAt: Date
}

/**
 * The sending quota's windows (queues/quota.ts, the counters the send path consumes) as gauges: used of
 * the limit for the minute, the hour and the day. A window starts with its first message (it is not the
 * calendar day); an idle window shows 0.
 */
export async function readQuotaGauges(organizationId: string): Promise<QuotaGauge[]> {
  const settings = await getWhatsAppSettings(organizationId)
  const decision = await readQuota(organizationId, settings).catch(() => {
    throw new AppError('UNAVAILABLE', 'queueUnavailable')
  })
  return (['minute', 'hour', 'day'] as const).map((window) => {
    const { limit, remaining, resetAt } = decision.windows[window]
    return { window, used: Math.max(0, limit - remaining), limit, resetAt }
  })
}
