import { updateWhatsAppSettings } from '../../../../domain/settings/settings-service'
import { settingsWarnings } from '~/shared/whatsapp-settings'
import type { OrgContext } from '../../../trpc'
import type { SettingsUpdateInput } from './update.schema'

/** Merges a patch into the stored settings; the merged result is validated as a whole. */
export async function updateHandler({ ctx, input }: { ctx: OrgContext; input: SettingsUpdateInput }) {
  const { organizationId: _org, ...patch } = input
  const settings = await updateWhatsAppSettings(ctx.organizationId, patch)
  return { settings, warnings: settingsWarnings(settings) }
}
