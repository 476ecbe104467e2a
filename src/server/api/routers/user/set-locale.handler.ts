import { setUserLocale } from '../../../domain/users/user-service'
import type { ProtectedContext } from '../../trpc'
import type { SetLocaleInput } from './set-locale.schema'

export function setLocaleHandler({ ctx, input }: { ctx: ProtectedContext; input: SetLocaleInput }) {
  return setUserLocale(ctx.user.id, input.locale)
}
