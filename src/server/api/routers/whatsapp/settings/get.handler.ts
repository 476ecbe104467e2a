import { getWhatsAppSettings } from '../../../../domain/settings/settings-service'
import { settingsWarnings } from '~/shared/whatsapp-settings'
import type { OrgContext } from '../../../trpc'

/** The organization's WhatsApp settings, with warnings about risky values. */
export async function getHandler({ ctx }: { ctx: OrgContext }) {
  const settings = await getWhatsAppSettings(ctx.organizationId)
  return { settings, warnings: settingsWarnings(settings) }
}
