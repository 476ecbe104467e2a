/** Organization.settings.whatsapp: read with defaults, updated without clobbering other settings keys. */
import { db } from '../../db'
import { AppError } from '../../errors'
import {
  getDefaultWhatsAppSettings,
  mergeWhatsAppSettings,
  validateWhatsAppSettings,
  type WhatsAppSettings,
  type WhatsAppSettingsPatch,
} from '~/shared/whatsapp-settings'

/** The organization's WhatsApp settings; defaults where none are saved (or saved ones are invalid). */
export async function getWhatsAppSettings(organizationId: string): Promise<WhatsAppSettings> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { settings: true } })
  if (!org) throw new AppError('NOT_FOUND', 'notFound')
  const stored = (org.settings as Record<string, unknown> | null)?.whatsapp
  try {
    return validateWhatsAppSettings(stored)
  } catch {
    return getDefaultWhatsAppSettings()
  }
}

/** Validates a patch against current settings and saves `settings.whatsapp` only (atomic jsonb_set). */
export async function updateWhatsAppSettings(organizationId: string, patch: WhatsAppSettingsPatch): Promise<WhatsAppSettings> {
  const current = await getWhatsAppSettings(organizationId)
  // Throws a ZodError for unsafe or inconsistent values; the tRPC layer answers BAD_REQUEST.
  const next = mergeWhatsAppSettings(current, patch)
  await db.$executeRaw`UPDATE organizations SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{whatsapp}', ${JSON.stringify(next)}::jsonb), "updatedAt" = now() WHERE id = ${organizationId}`
  return next
}
