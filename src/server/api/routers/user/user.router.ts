import { z } from 'zod'
import { locales } from '~/i18n/locales'
import { getMe, setUserLocale } from '../../../domain/users/user-service'
import { createTRPCRouter, protectedProcedure } from '../../trpc'

export const userRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getMe(ctx.user.id)),
  setLocale: protectedProcedure
    .input(z.object({ locale: z.enum(locales) }))
    .mutation(({ ctx, input }) => setUserLocale(ctx.user.id, input.locale)),
})
