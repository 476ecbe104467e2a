import { clientsRouter } from './routers/clients/_router'
import { conversationsRouter } from './routers/conversations/_router'
import { dashboardRouter } from './routers/dashboard/_router'
import { devPhoneRouter } from './routers/dev-phone/_router'
import { importRouter } from './routers/import/_router'
import { mentionsRouter } from './routers/mentions/_router'
import { quickRepliesRouter } from './routers/quick-replies/_router'
import { userRouter } from './routers/user/_router'
import { whatsappRouter } from './routers/whatsapp/_router'
import { createCallerFactory, createTRPCContext, createTRPCRouter } from './trpc'
import type { SessionUser } from '../auth/session-user'

export const appRouter = createTRPCRouter({
  user: userRouter,
  clients: clientsRouter,
  conversations: conversationsRouter,
  whatsapp: whatsappRouter,
  devPhone: devPhoneRouter,
  import: importRouter,
  mentions: mentionsRouter,
  quickReplies: quickRepliesRouter,
  dashboard: dashboardRouter,
})

export type AppRouter = typeof appRouter

export const createCaller = createCallerFactory(appRouter)

/**
 * A caller for server-side code that is not a browser (AI agents, scripts, tests): it acts as the
 * given user, with the same validation, scoping and limits as the HTTP API.
 */
export function createServerCaller(user: SessionUser, source: 'server' | 'test' = 'server') {
  return createCaller(createTRPCContext({ user, source }))
}
