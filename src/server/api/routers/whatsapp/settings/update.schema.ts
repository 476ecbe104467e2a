import type { z } from 'zod'
import { whatsAppSettingsPatchSchema } from '~/shared/whatsapp-settings'
import { organizationIdInput } from '../../_shared/inputs'

export const settingsUpdateInput = whatsAppSettingsPatchSchema.extend({ ...organizationIdInput })

export type SettingsUpdateInput = z.infer<typeof settingsUpdateInput>
