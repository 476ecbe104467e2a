/**
 * The sending API for AI agents (server-side code, never a browser). It goes through the tRPC
 * server-side caller, so agents get the same validation, organization scoping, quotas and pacing as
 * people, with agent priority (5) and sender AI. Agents may send at most AGENT_BULK_LIMIT messages per
 * bulk call.
 *
 *   await sendMessageForAgent(organizationId, '+996555123456', 'Здравствуйте!', conversationId, 'QUALIFICATION')
 *   await sendMediaForAgent(organizationId, null, { data: pdfBytes, fileName: 'Прайс.pdf' }, 'Наш прайс', conversationId, 'SALES')
 */
import { Readable } from 'node:stream'
import { createCaller } from '../api/root'
import { createTRPCContext } from '../api/trpc'
import type { SessionUser } from '../auth/session-user'
import { storeOutgoingMedia } from '../domain/media/outgoing-media'
import { logger } from '../logger'

export { AGENT_BULK_LIMIT } from '../domain/messages/bulk-service'

/** The identity agents act under: scoped to one organization, recorded as `agent:<type>`. */
export function agentPrincipal(organizationId: string, agentType: string): SessionUser {
  return { id: `agent:${agentType}`, email: '', name: `AI agent ${agentType}`, role: 'ADMIN', organizationId, locale: null }
}

function agentCaller(organizationId: string, agentType: string) {
  return createCaller(createTRPCContext({ user: agentPrincipal(organizationId, agentType), source: 'server', agent: { type: agentType } }))
}

/** Queues one message from an agent. `to` is used when there is no conversation yet. */
export async function sendMessageForAgent(organizationId: string, to: string | null, content: string, conversationId: string | null, agentType: string) {
  const result = await agentCaller(organizationId, agentType).whatsapp.send({
    ...(conversationId ? { conversationId } : {}),
    ...(to && !conversationId ? { to } : {}),
    content,
    priority: 5,
  })
  logger.info({ organizationId, agentType, messageId: result.messageId, conversationId: result.conversationId, event: 'agent.send' }, 'agent message queued')
  return result
}

/** A file an agent sends: its bytes (at most OUTGOING_MEDIA_MAX_BYTES; the type is sniffed from them) and the name the customer sees. */
export interface AgentMedia {
  data: Buffer | AsyncIterable<Uint8Array>
  fileName?: string
}

/**
 * Queues a photo or document from an agent, with an optional caption: the file is stored first (the
 * same sniffing and caps as an operator's upload), then sent like any agent message (same queue,
 * pacing, acks and per-conversation order).
 */
export async function sendMediaForAgent(
  organizationId: string,
  to: string | null,
  media: AgentMedia,
  caption: string,
  conversationId: string | null,
  agentType: string,
) {
  const source = Buffer.isBuffer(media.data) ? Readable.from([media.data]) : media.data
  const uploaded = await storeOutgoingMedia(organizationId, source, { fileName: media.fileName ?? null })
  const result = await agentCaller(organizationId, agentType).whatsapp.send({
    ...(conversationId ? { conversationId } : {}),
    ...(to && !conversationId ? { to } : {}),
    content: caption,
    media: { id: uploaded.mediaId, fileName: uploaded.fileName },
    priority: 5,
  })
  logger.info(
    { organizationId, agentType, messageId: result.messageId, conversationId: result.conversationId, mediaKind: uploaded.kind, event: 'agent.send' },
    'agent media queued',
  )
  return { ...result, mediaId: uploaded.mediaId }
}

export interface AgentBulkMessage {
  to?: string
  clientId?: string
  conversationId?: string
  content: string
}

/** Queues up to AGENT_BULK_LIMIT messages from an agent, under the organization's bulk rules. */
export async function sendBulkMessagesForAgent(organizationId: string, messages: AgentBulkMessage[], agentType: string, options: { confirmed?: boolean } = {}) {
  const result = await agentCaller(organizationId, agentType).whatsapp.sendBulk({ messages, confirmed: options.confirmed ?? false })
  logger.info({ organizationId, agentType, batchId: result.batchId, queued: result.queued, failed: result.failed, event: 'agent.bulk' }, 'agent bulk queued')
  return result
}
