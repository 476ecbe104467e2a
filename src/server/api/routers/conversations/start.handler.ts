import { startConversation } from '../../../domain/conversations/start-conversation'
import { getSessionManager } from '../../../services'
import type { OrgContext } from '../../trpc'
import type { StartInput } from './start.schema'

/**
 * A new chat from the conversations page or a client card: the client's conversation, created once
 * WhatsApp confirmed the number (the session manager asks whichever process runs the session).
 */
export function startHandler({ ctx, input }: { ctx: OrgContext; input: StartInput }) {
  const request = input.clientId !== undefined ? { clientId: input.clientId } : { phone: input.phone ?? '', name: input.name }
  return startConversation(ctx.organizationId, ctx.user, request, {
    checkNumber: (organizationId, phoneDigits) => getSessionManager().checkNumber(organizationId, phoneDigits),
  })
}
