import { getClient, listClients } from '../../../domain/clients/client-queries'
import { createTRPCRouter, orgProcedure } from '../../trpc'
import { clientByIdInput, clientListInput } from './clients.schema'

export const clientsRouter = createTRPCRouter({
  list: orgProcedure.input(clientListInput).query(({ ctx, input }) => listClients(ctx.organizationId, input)),
  byId: orgProcedure.input(clientByIdInput).query(({ ctx, input }) => getClient(ctx.organizationId, input.clientId)),
})
