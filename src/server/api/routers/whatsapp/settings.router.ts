import { getWhatsAppSettings, updateWhatsAppSettings } from '../../../domain/settings/settings-service'
import { settingsWarnings } from '~/shared/whatsapp-settings'
import { adminProcedure, createTRPCRouter, orgProcedure } from '../../trpc'
import { orgInput, settingsUpdateInput } from './messaging.schema'

export const whatsappSettingsRouter = createTRPCRouter({
  get: orgProcedure.input(orgInput).query(async ({ ctx }) => {
    const settings = await getWhatsAppSettings(ctx.organizationId)
    return { settings, warnings: settingsWarnings(settings) }
  }),
  update: adminProcedure.input(settingsUpdateInput).mutation(async ({ ctx, input }) => {
    const { organizationId: _org, ...patch } = input
    const settings = await updateWhatsAppSettings(ctx.organizationId, patch)
    return { settings, warnings: settingsWarnings(settings) }
  }),
})
