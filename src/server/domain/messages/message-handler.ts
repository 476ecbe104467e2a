/**
 * WhatsAppMessageHandler: what happens to a customer's message once it is stored. It detects language
 * and cultural context, keeps the client's profile current, and asks the agent hook
 * for a reply (duplicates are caught before, in the pipeline's transaction). Called by the incoming
 * pipeline, never directly from a WhatsApp event.
 */
import { db } from '../../db'
import { getAgentResponder, type AgentReply } from '../../agents/agent-hook'
import { detectCulturalContext, detectLanguage } from '../../import/parsers'
import type { Logger } from '../../logger'

export interface HandledMessage {
  organizationId: string
  clientId: string
  conversationId: string
  messageId: string
  whatsappMessageId: string
  body: string
  /** Already detected by the pipeline (saves doing it twice). */
  language?: string
}

export interface HandlerResult {
  language: string
  culturalContext: ReturnType<typeof detectCulturalContext>
  reply: AgentReply | null
}

export class WhatsAppMessageHandler {
  constructor(private readonly log: Logger) {}

  async handleIncomingMessage(message: HandledMessage): Promise<HandlerResult> {
    const language = message.language ?? detectLanguage(message.body)
    const culturalContext = detectCulturalContext(message.body, language)
    if (!message.language) await db.message.update({ where: { id: message.messageId }, data: { language }, select: { id: true } })
    // One statement: merge what we learned into the client's metadata, fill the language if unknown.
    const learned = JSON.stringify({ culturalContext, lastLanguage: language })
    await db.$executeRaw`UPDATE clients SET metadata = COALESCE(metadata, '{}'::jsonb) || ${learned}::jsonb,
      "preferredLanguage" = COALESCE("preferredLanguage", ${language === 'und' ? null : language}), "updatedAt" = now()
      WHERE id = ${message.clientId} AND "organizationId" = ${message.organizationId}`
    const reply = await this.askAgent(message, language)
    return { language, culturalContext, reply }
  }

  private async askAgent(message: HandledMessage, language: string): Promise<AgentReply | null> {
    const responder = getAgentResponder()
    if (!responder) return null
    const recent = await db.message.findMany({
      where: { organizationId: message.organizationId, conversationId: message.conversationId },
      orderBy: { createdAt: 'desc' },
      take: 10,
      select: { direction: true, content: true, createdAt: true },
    })
    try {
      return await responder({ ...message, language, recentMessages: recent.reverse() })
    } catch (err) {
      this.log.error({ err, messageId: message.messageId }, 'agent failed; no reply')
      return null
    }
  }
}
