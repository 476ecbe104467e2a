import { createTRPCRouter, orgProcedure } from '../../trpc'
import { byIdHandler } from './by-id.handler'
import { clientByIdInput } from './by-id.schema'
import { listHandler } from './list.handler'
import { clientListInput } from './list.schema'

export const clientsRouter = createTRPCRouter({
  list: orgProcedure.input(clientListInput).query(listHandler),
  byId: orgProcedure.input(clientByIdInput).query(byIdHandler),
})
