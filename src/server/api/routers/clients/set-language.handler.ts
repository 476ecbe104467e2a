import { setClientLanguage } from '../../../domain/clients/client-language'
import type { OrgContext } from '../../trpc'
import type { SetLanguageInput } from './set-language.schema'

export async function setLanguageHandler({ ctx, input }: { ctx: OrgContext; input: SetLanguageInput }) {
  return setClientLanguage(ctx.organizationId, input.clientId, input.language)
}
