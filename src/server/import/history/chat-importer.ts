/**
 * One WhatsApp chat into the CRM: the client (name, language, status, cultural context from the
 * parsers), the conversation, and its messages, deduplicated. In a dry run it only counts.
 */
import { db, MessageDirection } from '../../db'
import type { ClientStatus } from '../../db/generated/enums'
import type { WaContact, WaRawMessage } from '../../whatsapp/engine/types'
import { mediaPlaceholder as placeholderText } from '../../text/media-placeholder'
import { mediaPlaceholder } from '../../whatsapp/whatsapp-client'
import { extractPhoneFromWhatsAppId } from '../../whatsapp/phone'
import { refreshClientLanguage } from '../../domain/clients/client-language'
import { findClientId, findOrCreateClient } from '../../domain/clients/find-or-create-client'
import { findOrCreateConversation, touchConversation } from '../../domain/conversations/find-or-create-conversation'
import { countExisting, importMessages } from '../importers/message-importer'
import type { ImportOptions } from '../import-options'
import type { ImportPreviewRow } from '~/shared/import-preview'
import { detectClientStatus, detectCulturalContext, detectLanguage, extractBestName } from '../../text'

export interface ChatResult {
  skipped: 'group' | 'no-identity' | 'contacts-off' | null
  clientCreated: boolean
  clientUpdated: boolean
  conversationCreated: boolean
  messages: number
  imported: number
  duplicates: number
  preview: ImportPreviewRow | null
}

const empty = (skipped: ChatResult['skipped']): ChatResult => ({
  skipped,
  clientCreated: false,
  clientUpdated: false,
  conversationCreated: false,
  messages: 0,
  imported: 0,
  duplicates: 0,
  preview: null,
})

export async function importChat(
  organizationId: string,
  chatId: string,
  contact: WaContact | null,
  raw: WaRawMessage[],
  options: ImportOptions,
  statusOverride?: ClientStatus | null,
): Promise<ChatResult> {
  const identity = extractPhoneFromWhatsAppId(chatId)
  if (identity.kind === 'group' || identity.kind === 'broadcast') return empty('group')
  if (identity.kind !== 'phone' && identity.kind !== 'lid') return empty('no-identity')
  const messages = raw.filter((m) => !m.isStatus && !m.isGroup)
  const fromClient = messages
    .filter((m) => !m.fromMe)
    .map((m) => m.body)
    .filter(Boolean)
  const language = detectLanguage(fromClient.join('\n'))
  const status: ClientStatus =
    statusOverride ??
    (options.detectStatus
      ? detectClientStatus(messages.map((m) => ({ body: m.body, fromClient: !m.fromMe, timestamp: new Date(m.timestamp * 1000) }))).status
      : 'NEW_LEAD')
  const name = extractBestName(contact?.name ?? null, fromClient, contact?.pushName ?? null)
  const rows = messages.map((m) => ({
    whatsappMessageId: m.id,
    content: mediaPlaceholder(m) || placeholderText('unknown'),
    direction: m.fromMe ? MessageDirection.OUTGOING : MessageDirection.INCOMING,
    createdAt: new Date(m.timestamp * 1000),
    hasMedia: m.hasMedia,
  }))
  const existingId = await findClientId(organizationId, { phone: identity.phone, whatsappId: identity.whatsappId })
  if (!existingId && !options.importContacts) return empty('contacts-off')

  if (options.dryRun) {
    const existingMessages = options.importMessages
      ? await countExisting(
          organizationId,
          rows.map((r) => r.whatsappMessageId),
        )
      : 0
    const newMessages = options.importMessages ? rows.length - existingMessages : 0
    return {
      skipped: null,
      clientCreated: !existingId,
      clientUpdated: false,
      conversationCreated: false,
      messages: rows.length,
      imported: newMessages,
      duplicates: existingMessages,
      preview: { name, phone: identity.phone, status, language, messages: rows.length, newMessages, newClient: !existingId },
    }
  }

  return db.$transaction(
    async (tx) => {
      const client = await findOrCreateClient(
        organizationId,
        {
          phone: identity.phone,
          whatsappId: identity.whatsappId,
          name,
          avatarUrl: contact?.avatarUrl ?? null,
          preferredLanguage: language,
          detectedStatus: status,
          metadata: { culturalContext: detectCulturalContext(fromClient.join(' '), language), importedFrom: 'whatsapp-history' },
        },
        tx,
      )
      if (!client) return empty('no-identity')
      let clientUpdated = false
      if (!client.created && !options.skipDuplicates && options.detectStatus) {
        await tx.client.update({ where: { id: client.id }, data: { status, ...(name ? { name } : {}) }, select: { id: true } })
        clientUpdated = true
      }
      const conversation = await findOrCreateConversation(organizationId, client.id, 'WHATSAPP', tx)
      let imported = 0
      let duplicates = 0
      if (options.importMessages && rows.length) {
        const result = await importMessages(organizationId, conversation.id, rows, tx)
        imported = result.inserted
        duplicates = result.duplicates
        const last = rows.reduce((a, b) => (a.createdAt > b.createdAt ? a : b))
        await touchConversation(conversation.id, last.createdAt, tx)
        // The client's language from the imported messages' recent ones (a manual choice stays).
        if (imported) await refreshClientLanguage(organizationId, client.id, tx)
      }
      return {
        skipped: null,
        clientCreated: client.created,
        clientUpdated,
        conversationCreated: conversation.created,
        messages: rows.length,
        imported,
        duplicates,
        preview: null,
      }
    },
    { timeout: 60_000 },
  )
}
