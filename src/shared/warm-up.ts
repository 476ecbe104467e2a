/**
 * Warm-up of a new WhatsApp number: for WARM_UP_DAYS after the number was first linked (or an admin
 * flagged it as new) its daily cap follows a curve that doubles every two days, from 20, never above
 * the configured daily limit: days 1–2: 20, 3–4: 40, 5–6: 80, 7–8: 160, 9–10: 320, 11–12: 640,
 * 13–14: 1280, then the configured limit. Days are calendar days in the organization's time zone.
 *
 * What it counts: every send uses the day's quota (WhatsApp sees them all), but the cap only refuses
 * bulk and agent messages: a person's reply is never refused because of warm-up (it is checked
 * against the configured limits only), so a customer who writes in always gets an answer.
 */
import { localDayStart, localDaysBetween } from './quiet-hours'
import type { WhatsAppSettings } from './whatsapp-settings'

export const WARM_UP_DAYS = 14
export const WARM_UP_FIRST_CAP = 20
/** The cap doubles every this many days. */
export const WARM_UP_STEP_DAYS = 2

/** The curve's cap on warm-up day `day` (0 = the day the number was linked); Infinity once warm-up is over. */
export function warmUpCurveCap(day: number): number {
  if (day < 0) return WARM_UP_FIRST_CAP
  if (day >= WARM_UP_DAYS) return Number.POSITIVE_INFINITY
  return WARM_UP_FIRST_CAP * 2 ** Math.floor(day / WARM_UP_STEP_DAYS)
}

/** The whole curve for the settings page: day (1-based) and the cap that day, never above the configured limit. */
export function warmUpCurve(configuredPerDay: number): Array<{ day: number; cap: number }> {
  return Array.from({ length: WARM_UP_DAYS }, (_, day) => ({ day: day + 1, cap: Math.min(configuredPerDay, warmUpCurveCap(day)) }))
}

export interface WarmUpState {
  /** Warm-up applies today. */
  active: boolean
  /** The admin turned warm-up off. */
  optedOut: boolean
  /** Why the number warms up: linked recently, or flagged new by an admin. */
  reason: 'newNumber' | 'markedNew' | null
  startedAt: Date | null
  /** 0-based warm-up day today (null when not warming up). */
  day: number | null
  /** Today's daily cap for bulk and agent messages: min(configured, curve). */
  cap: number
  configured: number
  /** When the warm-up ends (local midnight after day 14). */
  endsAt: Date | null
}

/** Today's warm-up state from the settings and when the current number was first linked. */
export function warmUpState(settings: WhatsAppSettings, numberSince: Date | null, now: Date): WarmUpState {
  const configured = settings.rateLimiting.messagesPerDay
  const markedNew = settings.warmUp.newSince ? new Date(settings.warmUp.newSince) : null
  const useMark = markedNew !== null && (numberSince === null || markedNew > numberSince)
  const startedAt = useMark ? markedNew : numberSince
  const reason = startedAt ? (useMark ? 'markedNew' : 'newNumber') : null
  const off = { active: false, optedOut: !settings.warmUp.enabled, reason: null, startedAt: null, day: null, cap: configured, configured, endsAt: null }
  if (!startedAt || !settings.warmUp.enabled) return { ...off, reason, startedAt }
  const day = Math.max(0, localDaysBetween(startedAt, now, settings.timeZone))
  if (day >= WARM_UP_DAYS) return off
  return {
    active: true,
    optedOut: false,
    reason,
    startedAt,
    day,
    cap: Math.min(configured, warmUpCurveCap(day)),
    configured,
    endsAt: localDayStart(startedAt, WARM_UP_DAYS, settings.timeZone),
  }
}

/** The settings a bulk or agent send is counted against: the daily limit lowered to today's warm-up cap. */
export function withDailyCap(settings: WhatsAppSettings, cap: number): WhatsAppSettings {
  if (cap >= settings.rateLimiting.messagesPerDay) return settings
  return { ...settings, rateLimiting: { ...settings.rateLimiting, messagesPerDay: Math.max(0, cap) } }
}
