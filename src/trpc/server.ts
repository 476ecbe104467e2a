import 'server-only'

/** The one place server components get a tRPC caller, acting as the signed-in user. */
import { cache } from 'react'
import { createCaller } from '~/server/api/root'
import { createTRPCContext } from '~/server/api/trpc'
import { getSessionUser } from '~/server/auth'
import { getRequestLocale } from '~/i18n/request'

export const getServerCaller = cache(async () => {
  const user = await getSessionUser()
  const locale = await getRequestLocale(user)
  return createCaller(createTRPCContext({ user, locale, source: 'rsc' }))
})
