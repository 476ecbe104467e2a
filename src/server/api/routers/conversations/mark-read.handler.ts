import { markConversationRead } from '../../../domain/conversations/read-state'
import { getSessionManager } from '../../../services'
import type { OrgContext } from '../../trpc'
import type { MarkReadInput } from './mark-read.schema'

/**
 * The operator opened the conversation: read for the organization, and on WhatsApp when the admin
 * keeps read receipts on (the session manager reaches whichever process runs the session).
 */
export function markReadHandler({ ctx, input }: { ctx: OrgContext; input: MarkReadInput }) {
  return markConversationRead(ctx.organizationId, input.conversationId, ctx.user, {
    sendSeen: async (organizationId, chatId) => getSessionManager().sendSeen(organizationId, chatId),
  })
}
