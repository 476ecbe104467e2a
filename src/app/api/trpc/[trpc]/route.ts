import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { getRequestLocale } from '~/i18n/request'
import { appRouter } from '~/server/api/root'
import { createTRPCContext } from '~/server/api/trpc'
import { getSessionUser } from '~/server/auth'
import { getEnv } from '~/server/env'
import { guardTrpcRequest, TRPC_MAX_BATCH } from '~/server/http/request-guards'

export const dynamic = 'force-dynamic'

const handler = async (request: Request) => {
  // Same origin + JSON for mutations, and the body read within its cap, before tRPC parses anything.
  const req = await guardTrpcRequest(request, getEnv().AUTH_URL)
  if (req instanceof Response) return req
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH,
    createContext: async () => {
      const user = await getSessionUser()
      return createTRPCContext({ user, locale: await getRequestLocale(user), source: 'http' })
    },
  })
}

export { handler as GET, handler as POST }
