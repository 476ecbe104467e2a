/** Organization.settings.assignment (distribution mode, "operators see only their own"): read with defaults, updated alone. */
import { db } from '../../db'
import { AppError } from '../../errors'
import { assignmentSettingsSchema, type AssignmentSettings, type AssignmentSettingsPatch } from '~/shared/conversation-assignment'

/** The organization's assignment settings; defaults where none (or invalid ones) are saved. */
export async function getAssignmentSettings(organizationId: string): Promise<AssignmentSettings> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { settings: true } })
  if (!org) throw new AppError('NOT_FOUND', 'notFound')
  return parseAssignmentSettings((org.settings as Record<string, unknown> | null)?.assignment)
}

/** Stored `settings.assignment` (any JSON, or nothing) read with defaults, as getAssignmentSettings does. */
export function parseAssignmentSettings(stored: unknown): AssignmentSettings {
  const parsed = assignmentSettingsSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : assignmentSettingsSchema.parse({})
}

/** Saves `settings.assignment` only (atomic jsonb_set), leaving the other keys alone. */
export async function updateAssignmentSettings(organizationId: string, patch: AssignmentSettingsPatch): Promise<AssignmentSettings> {
  const next = assignmentSettingsSchema.parse({ ...(await getAssignmentSettings(organizationId)), ...patch })
  await db.$executeRaw`UPDATE organizations SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{assignment}', ${JSON.stringify(next)}::jsonb), "updatedAt" = now() WHERE id = ${organizationId}`
  return next
}
