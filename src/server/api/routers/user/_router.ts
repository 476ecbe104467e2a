import { orgOnlyInput } from '../_shared/inputs'
import { adminProcedure, createTRPCRouter, protectedProcedure } from '../../trpc'
import { listHandler } from './list.handler'
import { meHandler } from './me.handler'
import { setActiveHandler } from './set-active.handler'
import { setActiveInput } from './set-active.schema'
import { setLocaleHandler } from './set-locale.handler'
import { setLocaleInput } from './set-locale.schema'
import { setNotificationsHandler } from './set-notifications.handler'
import { setNotificationsInput } from './set-notifications.schema'

export const userRouter = createTRPCRouter({
  me: protectedProcedure.query(meHandler),
  setLocale: protectedProcedure.input(setLocaleInput).mutation(setLocaleHandler),
  setNotifications: protectedProcedure.input(setNotificationsInput).mutation(setNotificationsHandler),
  list: adminProcedure.input(orgOnlyInput).query(listHandler),
  setActive: adminProcedure.input(setActiveInput).mutation(setActiveHandler),
})
