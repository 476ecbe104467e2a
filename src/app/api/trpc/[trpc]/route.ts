import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { appRouter } from '~/server/api/root'
import { createTRPCContext } from '~/server/api/trpc'
import { getSessionUser } from '~/server/auth'
import { db } from '~/server/db'
import { LOCALE_COOKIE, resolveLocale } from '~/i18n/locales'

export const dynamic = 'force-dynamic'

function cookieValue(header: string | null, name: string): string | undefined {
  return header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1]
}

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => {
      const user = await getSessionUser()
      // The token's locale is from sign-in time; the saved preference may have changed since.
      const saved = user ? await db.user.findUnique({ where: { id: user.id }, select: { locale: true } }).catch(() => null) : null
      const locale = resolveLocale(saved?.locale ?? user?.locale, cookieValue(req.headers.get('cookie'), LOCALE_COOKIE))
      return createTRPCContext({ user, locale, source: 'http' })
    },
  })

export { handler as GET, handler as POST }
