/**
 * Where AI agents plug into the incoming pipeline (a later stage). A responder gets the message and
 * recent context and may return a reply; the pipeline queues it with a human-like delay through the
 * same send path as everything else. Nothing is registered by default.
 */
import { processSlot } from '../process-singleton'

export interface AgentContext {
  organizationId: string
  clientId: string
  conversationId: string
  messageId: string
  body: string
  /** The language of this message (detectLanguage; 'und' for "ok"). */
  language: string
  /** The client's preferred language: chosen by a person, or decided from their recent messages (domain/clients/client-language.ts). Answer in this one. */
  clientLanguage: string | null
  recentMessages: Array<{ direction: 'INCOMING' | 'OUTGOING'; content: string; createdAt: Date }>
}

export interface AgentReply {
  content: string
  /** Recorded as the message's senderId and in logs (e.g. QUALIFICATION). */
  agentType: string
}

export type AgentResponder = (context: AgentContext) => Promise<AgentReply | null>

const responderSlot = processSlot<AgentResponder | null>('agent-responder')

export function setAgentResponder(responder: AgentResponder | null): void {
  responderSlot.set(responder)
}

export function getAgentResponder(): AgentResponder | null {
  return responderSlot.get() ?? null
}
