import { adminProcedure, createTRPCRouter, orgProcedure } from '../../trpc'
import { byIdHandler } from './by-id.handler'
import { clientByIdInput } from './by-id.schema'
import { clearOptOutHandler } from './clear-opt-out.handler'
import { clearOptOutInput } from './clear-opt-out.schema'
import { deleteClientHandler } from './delete.handler'
import { deleteClientInput } from './delete.schema'
import { listHandler } from './list.handler'
import { clientListInput } from './list.schema'
import { setLanguageHandler } from './set-language.handler'
import { setLanguageInput } from './set-language.schema'

export const clientsRouter = createTRPCRouter({
  list: orgProcedure.input(clientListInput).query(listHandler),
  byId: orgProcedure.input(clientByIdInput).query(byIdHandler),
  clearOptOut: adminProcedure.input(clearOptOutInput).mutation(clearOptOutHandler),
  setLanguage: orgProcedure.input(setLanguageInput).mutation(setLanguageHandler),
  // issue 14: the client, their conversations, messages and media files.
  delete: adminProcedure.input(deleteClientInput).mutation(deleteClientHandler),
})
