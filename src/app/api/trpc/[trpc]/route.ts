import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { getRequestLocale } from '~/i18n/request'
import { appRouter } from '~/server/api/root'
import { createTRPCContext } from '~/server/api/trpc'
import { getSessionUser } from '~/server/auth'

export const dynamic = 'force-dynamic'

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => {
      const user = await getSessionUser()
      return createTRPCContext({ user, locale: await getRequestLocale(user), source: 'http' })
    },
  })

export { handler as GET, handler as POST }
