/**
 * An organization's WhatsApp limits and safety switches, shared by the server (validation, queues) and
 * the settings form (same schema, same warnings). Defaults are conservative: a new business number
 * that sends fast gets banned. Error and warning texts are i18n keys (messages/*.json).
 */
import { z } from 'zod'

/** Hard bounds: values beyond these are refused outright. */
export const SAFE_BOUNDS = {
  messagesPerMinute: 20,
  messagesPerHour: 300,
  messagesPerDay: 2000,
  concurrency: 5,
  maxBatchSize: 100,
} as const

/** Values above these are allowed but risky: the form warns in plain words. */
export const RISK_THRESHOLDS = {
  messagesPerMinute: 10,
  messagesPerHour: 150,
  messagesPerDay: 500,
  concurrency: 3,
  maxBatchSize: 50,
} as const

const count = (max: number, tooHighKey: string) =>
  z.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(1, 'validation.atLeastOne').max(max, tooHighKey)

export const rateLimitingSchema = z.object({
  messagesPerMinute: count(SAFE_BOUNDS.messagesPerMinute, 'validation.perMinuteTooHigh').default(10),
  messagesPerHour: count(SAFE_BOUNDS.messagesPerHour, 'validation.perHourTooHigh').default(100),
  messagesPerDay: count(SAFE_BOUNDS.messagesPerDay, 'validation.perDayTooHigh').default(500),
  concurrency: count(SAFE_BOUNDS.concurrency, 'validation.concurrencyTooHigh').default(3),
})

export const safetySchema = z.object({
  enableMassSending: z.boolean().default(false),
  requireConfirmation: z.boolean().default(true),
  maxBatchSize: count(SAFE_BOUNDS.maxBatchSize, 'validation.batchTooLarge').default(50),
})

// --- Inbox: read receipts and the "waiting for reply" colours (issue 13 point 1) ---
/** Bounds of the waiting thresholds, in minutes: up to a day for amber, a week for red. */
export const WAITING_BOUNDS = { amberMaxMinutes: 1440, redMaxMinutes: 10080 } as const

const minutes = (max: number, tooLongKey: string) =>
  z.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(1, 'validation.atLeastOne').max(max, tooLongKey)

export const inboxSchema = z.object({
  /** Opening a conversation marks the chat read on WhatsApp too (the customer sees blue ticks). */
  sendReadReceipts: z.boolean().default(true),
  /** A customer waiting this long for a reply turns amber… */
  waitingAmberMinutes: minutes(WAITING_BOUNDS.amberMaxMinutes, 'validation.amberTooLong').default(5),
  /** …and this long, red. */
  waitingRedMinutes: minutes(WAITING_BOUNDS.redMaxMinutes, 'validation.redTooLong').default(30),
})
export type InboxSettings = z.infer<typeof inboxSchema>
// --- Send clock: time zone, quiet hours, warm-up (issue 12 points 2 and 3; shared/quiet-hours.ts, shared/warm-up.ts) ---

/** The organization's default time zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Bishkek'

/** An IANA time zone name the runtime knows ("Asia/Bishkek", "Europe/Moscow", "UTC"). */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(value)) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

export const timeZoneSchema = z.string({ error: 'validation.timeZone' }).max(64, 'validation.timeZone').refine(isTimeZone, 'validation.timeZone')

const clockTime = z.string({ error: 'validation.clockTime' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.clockTime')

/** Bulk and agent messages wait while it is between start and end, local time (the span may wrap midnight). */
export const quietHoursSchema = z.object({
  enabled: z.boolean().default(true),
  start: clockTime.default('21:00'),
  end: clockTime.default('09:00'),
})

/** A new number's daily cap rises along shared/warm-up.ts's curve; `newSince` is set when an admin flags the number as new. */
export const warmUpSchema = z.object({
  enabled: z.boolean().default(true),
  newSince: z.iso.datetime({ error: 'validation.invalid' }).nullable().default(null),
})

// --- end send clock ---
// --- governor (issue 12 point 1): when WhatsApp's answers to bulk and agent sends look risky, those sends pause ---
/** Bounds of the governor's settings: looser values would let a number be banned before the pause. */
export const GOVERNOR_BOUNDS = {
  windowHours: { min: 1, max: 168 },
  windowSends: { min: 20, max: 500 },
  minSample: { min: 5, max: 200 },
  deliveryTimeoutMinutes: { min: 5, max: 1440 },
  maxUndeliveredPercent: { min: 5, max: 80 },
  maxFailedPercent: { min: 2, max: 50 },
  maxNotOnWhatsAppPercent: { min: 5, max: 80 },
  minReplyPercent: { min: 0, max: 50 },
  replyWaitMinutes: { min: 10, max: 1440 },
} as const

/** Out of bounds: the generic localized "at least {min}" / "at most {max}" (server/i18n/translate.ts). */
const bounded = (key: keyof typeof GOVERNOR_BOUNDS) =>
  z
    .number({ error: (issue) => (issue.code === 'invalid_type' ? 'validation.wholeNumber' : undefined) })
    .int('validation.wholeNumber')
    .min(GOVERNOR_BOUNDS[key].min)
    .max(GOVERNOR_BOUNDS[key].max)

/** The governor's rule (domain/safety/governor.ts): documented defaults, admins may tune within GOVERNOR_BOUNDS. */
export const governorSchema = z.object({
  /** The rolling window: the last `windowSends` bulk/agent sends, none older than `windowHours`. */
  windowHours: bounded('windowHours').default(24),
  windowSends: bounded('windowSends').default(50),
  /** No rate is judged on fewer sends than this (1 failure of 2 sends pauses nothing). */
  minSample: bounded('minSample').default(20),
  /** A send without a delivery ack (two ticks) this long after it left counts as never delivered. */
  deliveryTimeoutMinutes: bounded('deliveryTimeoutMinutes').default(30),
  maxUndeliveredPercent: bounded('maxUndeliveredPercent').default(30),
  maxFailedPercent: bounded('maxFailedPercent').default(10),
  maxNotOnWhatsAppPercent: bounded('maxNotOnWhatsAppPercent').default(20),
  /** 0 turns the reply-rate rule off. */
  minReplyPercent: bounded('minReplyPercent').default(2),
  /** Replies are counted for sends at least this old. */
  replyWaitMinutes: bounded('replyWaitMinutes').default(120),
})

/** The rule as a patch: a field left out keeps its saved value (`.partial()` would fill in its default instead). */
export const governorPatchSchema = z.object({
  windowHours: bounded('windowHours').optional(),
  windowSends: bounded('windowSends').optional(),
  minSample: bounded('minSample').optional(),
  deliveryTimeoutMinutes: bounded('deliveryTimeoutMinutes').optional(),
  maxUndeliveredPercent: bounded('maxUndeliveredPercent').optional(),
  maxFailedPercent: bounded('maxFailedPercent').optional(),
  maxNotOnWhatsAppPercent: bounded('maxNotOnWhatsAppPercent').optional(),
  minReplyPercent: bounded('minReplyPercent').optional(),
  replyWaitMinutes: bounded('replyWaitMinutes').optional(),
})
// --- end governor ---

export const whatsAppSettingsSchema = z
  .object({
    rateLimiting: rateLimitingSchema.default(() => rateLimitingSchema.parse({})),
    safety: safetySchema.default(() => safetySchema.parse({})),
    inbox: inboxSchema.default(() => inboxSchema.parse({})),
    timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
    quietHours: quietHoursSchema.default(() => quietHoursSchema.parse({})),
    warmUp: warmUpSchema.default(() => warmUpSchema.parse({})),
    governor: governorSchema.default(() => governorSchema.parse({})),
  })
  .superRefine((s, ctx) => {
    if (s.inbox.waitingRedMinutes <= s.inbox.waitingAmberMinutes) {
      ctx.addIssue({ code: 'custom', path: ['inbox', 'waitingRedMinutes'], message: 'validation.redNotAfterAmber' })
    }
    const r = s.rateLimiting
    if (r.messagesPerHour < r.messagesPerMinute) {
      ctx.addIssue({ code: 'custom', path: ['rateLimiting', 'messagesPerHour'], message: 'validation.hourBelowMinute' })
    }
    if (r.messagesPerDay < r.messagesPerHour) {
      ctx.addIssue({ code: 'custom', path: ['rateLimiting', 'messagesPerDay'], message: 'validation.dayBelowHour' })
    }
    if (s.quietHours.start === s.quietHours.end) {
      ctx.addIssue({ code: 'custom', path: ['quietHours', 'end'], message: 'validation.quietHoursEmpty' })
    }
    if (s.governor.minSample > s.governor.windowSends) {
      ctx.addIssue({ code: 'custom', path: ['governor', 'minSample'], message: 'validation.governorSampleAboveWindow' })
    }
  })

export type WhatsAppSettings = z.infer<typeof whatsAppSettingsSchema>

/** A partial update from the form: any field may be left out and keeps its current value. */
export const whatsAppSettingsPatchSchema = z.object({
  rateLimiting: rateLimitingSchema.partial().optional(),
  safety: safetySchema.partial().optional(),
  inbox: inboxSchema.partial().optional(),
  timeZone: timeZoneSchema.optional(),
  quietHours: quietHoursSchema.partial().optional(),
  /** `markNew`: true flags the number as new from now (warm-up starts again), false clears the flag. */
  warmUp: z.object({ enabled: z.boolean().optional(), markNew: z.boolean().optional() }).optional(),
  governor: governorPatchSchema.optional(),
})
export type WhatsAppSettingsPatch = z.infer<typeof whatsAppSettingsPatchSchema>

/** The conservative defaults: 10/min, 100/h, 500/day, 3 at once; mass sending off. */
export function getDefaultWhatsAppSettings(): WhatsAppSettings {
  return whatsAppSettingsSchema.parse({})
}

/**
 * Fills defaults and validates. Throws a ZodError (with i18n keys as messages) for unsafe or
 * inconsistent values, e.g. more than 20 messages a minute.
 */
export function validateWhatsAppSettings(settings: unknown): WhatsAppSettings {
  return whatsAppSettingsSchema.parse(settings ?? {})
}

/** Applies a patch on top of current settings and validates the result. */
export function mergeWhatsAppSettings(current: WhatsAppSettings, patch: WhatsAppSettingsPatch, now = new Date()): WhatsAppSettings {
  const { markNew, ...warmUp } = patch.warmUp ?? {}
  return validateWhatsAppSettings({
    ...current,
    rateLimiting: { ...current.rateLimiting, ...patch.rateLimiting },
    safety: { ...current.safety, ...patch.safety },
    inbox: { ...current.inbox, ...patch.inbox },
    timeZone: patch.timeZone ?? current.timeZone,
    quietHours: { ...current.quietHours, ...patch.quietHours },
    warmUp: { ...current.warmUp, ...warmUp, ...(markNew === undefined ? {} : { newSince: markNew ? now.toISOString() : null }) },
    governor: { ...current.governor, ...patch.governor },
  })
}

export type SettingsWarning =
  'perMinuteRisky' | 'perHourRisky' | 'perDayRisky' | 'concurrencyRisky' | 'batchRisky' | 'massSendingWithoutConfirmation' | 'warmUpOff' | 'quietHoursOff'

/** What the form should warn about (allowed, but a ban becomes likelier). */
export function settingsWarnings(settings: WhatsAppSettings): SettingsWarning[] {
  const r = settings.rateLimiting
  const s = settings.safety
  const warnings: SettingsWarning[] = []
  if (r.messagesPerMinute > RISK_THRESHOLDS.messagesPerMinute) warnings.push('perMinuteRisky')
  if (r.messagesPerHour > RISK_THRESHOLDS.messagesPerHour) warnings.push('perHourRisky')
  if (r.messagesPerDay > RISK_THRESHOLDS.messagesPerDay) warnings.push('perDayRisky')
  if (r.concurrency > RISK_THRESHOLDS.concurrency) warnings.push('concurrencyRisky')
  if (s.maxBatchSize > RISK_THRESHOLDS.maxBatchSize) warnings.push('batchRisky')
  if (s.enableMassSending && !s.requireConfirmation) warnings.push('massSendingWithoutConfirmation')
  if (!settings.warmUp.enabled) warnings.push('warmUpOff')
  if (!settings.quietHours.enabled) warnings.push('quietHoursOff')
  return warnings
}
