import { createTRPCRouter, protectedProcedure } from '../../trpc'
import { meHandler } from './me.handler'
import { setLocaleHandler } from './set-locale.handler'
import { setLocaleInput } from './set-locale.schema'

export const userRouter = createTRPCRouter({
  me: protectedProcedure.query(meHandler),
  setLocale: protectedProcedure.input(setLocaleInput).mutation(setLocaleHandler),
})
