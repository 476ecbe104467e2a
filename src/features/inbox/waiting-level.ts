/**
 * How long a customer has waited for a reply, and its colour: fresh, then amber after the
 * organization's amber minutes and red after its red minutes (WhatsApp settings, defaults 5 and 30).
 * Pure, shared by the list rows and tests.
 */
export type WaitingLevel = 'fresh' | 'amber' | 'red'

export function waitingLevel(waitingSince: Date, now: Date, thresholds: { amberMinutes: number; redMinutes: number }): WaitingLevel {
  const minutes = waitedMinutes(waitingSince, now)
  if (minutes >= thresholds.redMinutes) return 'red'
  if (minutes >= thresholds.amberMinutes) return 'amber'
  return 'fresh'
}

/** Whole minutes waited (never negative: a clock a little ahead of the server's shows 0). */
export function waitedMinutes(waitingSince: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - waitingSince.getTime()) / 60_000))
}

/** The wait split for display: under an hour in minutes, under a day in hours and minutes, then days. */
export function waitedParts(
  minutes: number,
): { unit: 'minutes'; minutes: number } | { unit: 'hours'; hours: number; minutes: number } | { unit: 'days'; days: number } {
  if (minutes < 60) return { unit: 'minutes', minutes }
  if (minutes < 24 * 60) return { unit: 'hours', hours: Math.floor(minutes / 60), minutes: minutes % 60 }
  return { unit: 'days', days: Math.floor(minutes / (24 * 60)) }
}

/** The tab title with the waiting count in front, e.g. "(3) Conversations · Soul CRM"; the bare title at 0. */
export function titleWithCount(title: string, count: number): string {
  const bare = title.replace(/^\(\d+\) /, '')
  return count > 0 ? `(${count}) ${bare}` : bare
}
