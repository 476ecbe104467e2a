/**
 * Assignment, visibility and snooze rules shared by the server (enforcement) and the browser (filters,
 * badges, the admin form, notifications): one source for who sees which conversation.
 */
import { z } from 'zod'

/** How a conversation that nobody owns finds an owner. */
export const DISTRIBUTION_MODES = ['UNASSIGNED', 'ROUND_ROBIN', 'MANUAL'] as const
export type DistributionMode = (typeof DISTRIBUTION_MODES)[number]

/**
 * Organization.settings.assignment. UNASSIGNED: the first person to reply takes it. ROUND_ROBIN: a
 * customer message in an unassigned conversation assigns it to the next online operator (nobody online:
 * it stays unassigned and the first reply takes it). MANUAL: only admins assign (a reply takes nothing).
 */
export const assignmentSettingsSchema = z.object({
  distribution: z.enum(DISTRIBUTION_MODES).default('UNASSIGNED'),
  /** Operators see (in every read and stream) only conversations assigned to them and unassigned ones. */
  operatorsSeeOnlyOwn: z.boolean().default(false),
})
export type AssignmentSettings = z.infer<typeof assignmentSettingsSchema>
export const assignmentSettingsPatchSchema = assignmentSettingsSchema.partial()
export type AssignmentSettingsPatch = z.infer<typeof assignmentSettingsPatchSchema>

/** The list's quick filters. WAITING: the last message is the customer's. */
export const CONVERSATION_VIEWS = ['ALL', 'MINE', 'UNASSIGNED', 'WAITING'] as const
export type ConversationView = (typeof CONVERSATION_VIEWS)[number]
export const CONVERSATION_STATUSES = ['OPEN', 'RESOLVED', 'SNOOZED'] as const

/**
 * Whether a conversation is the user's own or nobody's: what "operators see only their own and
 * unassigned" shows, and which new customer messages notify an operator.
 */
export function isMineOrUnassigned(conversation: { assigneeId: string | null }, userId: string): boolean {
  return conversation.assigneeId === null || conversation.assigneeId === userId
}

/** A snooze ends at least a minute and at most 90 days from now. */
export const SNOOZE_MIN_MS = 60_000
export const SNOOZE_MAX_MS = 90 * 24 * 60 * 60_000

/**
 * Until when to snooze: a future time within SNOOZE_MAX_MS (errors are i18n keys under `validation.`).
 * A Date (superjson) or an ISO string (plain JSON callers) is accepted.
 */
export const snoozeUntilInput = z.coerce
  .date({ error: 'validation.invalid' })
  .refine((d) => d.getTime() >= Date.now() + SNOOZE_MIN_MS - 5_000, 'validation.snoozeInPast')
  .refine((d) => d.getTime() <= Date.now() + SNOOZE_MAX_MS, 'validation.snoozeTooFar')

/** Note text: the same limit as a message. */
export const NOTE_MAX_LENGTH = 4096

/**
 * Who a note names: `@Full Name` of a member (case-insensitive; the longest name wins where names
 * share a beginning, so "@Aida Bekova" is not also "@Aida").
 */
export function findMentions<M extends { id: string; name: string }>(text: string, members: M[]): M[] {
  const lower = text.toLocaleLowerCase()
  const found = new Map<string, M>()
  const byLength = [...members].filter((m) => m.name.trim()).sort((a, b) => b.name.length - a.name.length)
  const taken: Array<[number, number]> = []
  for (const member of byLength) {
    const needle = `@${member.name.trim().toLocaleLowerCase()}`
    let from = 0
    for (;;) {
      const at = lower.indexOf(needle, from)
      if (at < 0) break
      from = at + needle.length
      const next = lower.charAt(at + needle.length)
      // The name must end there (not "@Aidana" for "Aida").
      if (next && /[\p{L}\p{N}_]/u.test(next)) continue
      if (taken.some(([s, e]) => at >= s && at < e)) continue
      taken.push([at, at + needle.length])
      found.set(member.id, member)
    }
  }
  return [...found.values()]
}
