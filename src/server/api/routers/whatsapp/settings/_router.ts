import { orgOnlyInput } from '../../_shared/inputs'
import { adminProcedure, createTRPCRouter, orgProcedure } from '../../../trpc'
import { getHandler } from './get.handler'
import { updateHandler } from './update.handler'
import { settingsUpdateInput } from './update.schema'

/** whatsapp.settings: members read, admins change. */
export const whatsappSettingsRouter = createTRPCRouter({
  get: orgProcedure.input(orgOnlyInput).query(getHandler),
  update: adminProcedure.input(settingsUpdateInput).mutation(updateHandler),
})
