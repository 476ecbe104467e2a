/**
 * The tenant-isolation table: one entry per tRPC procedure. The isolation test calls each procedure as
 * a user of another organization, naming the victim organization's resources, and expects FORBIDDEN
 * or NOT_FOUND. A procedure missing from this table fails the test, so none can be forgotten.
 */
import type { SessionUser } from '../auth/session-user'
import type { Tenant } from './factories'

export interface IsolationCase {
  /** The input that names the victim's resources. */
  input: (victim: Tenant) => Record<string, unknown> | undefined
  /** Which attacker role calls it (default: ADMIN, the strongest non-super role). */
  attacker?: 'ADMIN' | 'OPERATOR'
  /**
   * For procedures that only ever act on the caller's own data (no organization in the input): the
   * result is checked to hold nothing of the victim's instead of expecting an error.
   */
  ownDataOnly?: (result: unknown, attacker: SessionUser, victim: Tenant) => void
  /** false for procedures that take no organizationId (user-scoped). Default true. */
  orgScoped?: boolean
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

export const isolationCases: Record<string, IsolationCase> = {
  'user.me': {
    input: () => undefined,
    orgScoped: false,
    ownDataOnly: (result, attacker, victim) => {
      const me = result as { id: string; organization: { id: string } }
      assert(me.id === attacker.id, 'user.me returned another user')
      assert(me.organization.id !== victim.organization.id, 'user.me leaked the victim organization')
    },
  },
  'user.setLocale': {
    input: () => ({ locale: 'en' }),
    orgScoped: false,
    ownDataOnly: () => undefined,
  },
  'user.list': { input: (v) => ({ organizationId: v.organization.id }) },
  'user.setActive': { input: (v) => ({ userId: v.operator.id, active: false }) },
  'clients.list': {
    input: (v) => ({ organizationId: v.organization.id }),
    ownDataOnly: undefined,
  },
  'clients.byId': { input: (v) => ({ clientId: v.client.id }) },
  'clients.clearOptOut': { input: (v) => ({ clientId: v.client.id }) },
  'clients.setLanguage': { input: (v) => ({ clientId: v.client.id, language: 'en' }), attacker: 'OPERATOR' },
  'clients.delete': { input: (v) => ({ clientId: v.client.id }) },
  'conversations.list': { input: (v) => ({ organizationId: v.organization.id }) },
  'conversations.byId': { input: (v) => ({ conversationId: v.conversation.id }) },
  'conversations.messages': { input: (v) => ({ conversationId: v.conversation.id }) },
  'conversations.search': { input: (v) => ({ organizationId: v.organization.id, query: 'привет' }) },
  'whatsapp.status': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.qr': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.connect': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.disconnect': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.onStatus': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.send': { input: (v) => ({ conversationId: v.conversation.id, content: 'чужой диалог' }), attacker: 'OPERATOR' },
  'whatsapp.retry': { input: (v) => ({ messageId: v.conversation.messageIds[0] }), attacker: 'OPERATOR' },
  'whatsapp.sendBulk': { input: (v) => ({ organizationId: v.organization.id, messages: [{ conversationId: v.conversation.id, content: 'x' }] }) },
  'whatsapp.previewBulk': { input: (v) => ({ organizationId: v.organization.id, messages: [{ conversationId: v.conversation.id, content: 'x' }] }) },
  'whatsapp.bulkProgress': { input: (v) => ({ batchId: v.batchId }) },
  'whatsapp.onBulkProgress': { input: (v) => ({ batchId: v.batchId }) },
  'whatsapp.quota': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.warmUp': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.settings.get': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.governor.status': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.governor.history': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.governor.resume': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.governor.onState': { input: (v) => ({ organizationId: v.organization.id }) },
  'whatsapp.settings.update': { input: (v) => ({ organizationId: v.organization.id, rateLimiting: { messagesPerMinute: 5 } }) },
  'conversations.onEvents': { input: (v) => ({ conversationId: v.conversation.id }) },
  // issue 13: assignment, status, notes, mentions
  'conversations.assign': { input: (v) => ({ conversationId: v.conversation.id, assigneeId: null }) },
  'conversations.setStatus': { input: (v) => ({ conversationId: v.conversation.id, status: 'RESOLVED' }), attacker: 'OPERATOR' },
  'conversations.snooze': { input: (v) => ({ conversationId: v.conversation.id, until: new Date(Date.now() + 3_600_000) }), attacker: 'OPERATOR' },
  'conversations.addNote': { input: (v) => ({ conversationId: v.conversation.id, content: 'чужая заметка' }), attacker: 'OPERATOR' },
  'conversations.entries': { input: (v) => ({ conversationId: v.conversation.id }) },
  'conversations.members': {
    input: () => ({}),
    ownDataOnly: (result, attacker, victim) => {
      const members = result as Array<{ id: string }>
      assert(
        members.some((m) => m.id === attacker.id),
        'conversations.members misses the caller',
      )
      // (The HTTP table's victim names its operator only.)
      assert(!members.some((m) => m.id === victim.operator.id), 'conversations.members leaked the victim’s users')
    },
  },
  'conversations.assignmentSettings.get': { input: (v) => ({ organizationId: v.organization.id }) },
  'conversations.assignmentSettings.update': { input: (v) => ({ organizationId: v.organization.id, operatorsSeeOnlyOwn: true }) },
  'mentions.list': {
    input: () => ({}),
    ownDataOnly: (result, _attacker, victim) => {
      const { items } = result as { items: Array<{ conversationId: string }> }
      assert(!items.some((m) => m.conversationId === victim.conversation.id), 'mentions.list leaked the victim’s mentions')
    },
  },
  'mentions.markRead': {
    input: (v) => ({ conversationId: v.conversation.id }),
    ownDataOnly: (result) => assert((result as { marked: number }).marked === 0, 'mentions.markRead touched another organization’s mentions'),
  },
  'import.start': { input: (v) => ({ organizationId: v.organization.id }) },
  'import.cancel': { input: (v) => ({ jobId: v.importJobId }) },
  'import.status': { input: (v) => ({ jobId: v.importJobId }) },
  'import.onProgress': { input: (v) => ({ jobId: v.importJobId }) },
  'import.previewExport': { input: (v) => ({ organizationId: v.organization.id, fileName: 'chat.txt', contentBase64: 'eA==' }) },
  'import.commitExport': {
    input: (v) => ({
      fileName: 'chat.txt',
      contentBase64: Buffer.from('[01.02.26, 10:00:00] A: hi').toString('base64'),
      clientId: v.client.id,
      businessAuthor: null,
    }),
  },
  'devPhone.state': { input: (v) => ({ organizationId: v.organization.id }) },
  'devPhone.scan': { input: (v) => ({ organizationId: v.organization.id }) },
  'devPhone.sendAsCustomer': { input: (v) => ({ organizationId: v.organization.id, from: '+996700111222', body: 'hi' }) },
  'devPhone.logout': { input: (v) => ({ organizationId: v.organization.id }) },
  'devPhone.ban': { input: (v) => ({ organizationId: v.organization.id }) },
  'devPhone.unban': { input: (v) => ({ organizationId: v.organization.id }) },
  'devPhone.setNetwork': { input: (v) => ({ organizationId: v.organization.id, up: false }) },
  'devPhone.failNextSends': { input: (v) => ({ organizationId: v.organization.id, count: 1 }) },
  'devPhone.revealNumber': { input: (v) => ({ organizationId: v.organization.id, phone: '+996700111222' }) },
  'devPhone.replyFromPhone': { input: (v) => ({ organizationId: v.organization.id, to: '+996700111222', body: 'hi' }) },
  'devPhone.deleteMessage': { input: (v) => ({ organizationId: v.organization.id, messageId: 'false_996700111222@c.us_3EB0AA' }) },
  'devPhone.editMessage': { input: (v) => ({ organizationId: v.organization.id, messageId: 'false_996700111222@c.us_3EB0AA', body: 'x' }) },
  'devPhone.sendNotice': { input: (v) => ({ organizationId: v.organization.id, from: '+996700111222', kind: 'e2e_notification' }) },
  'devPhone.failNextAcks': { input: (v) => ({ organizationId: v.organization.id, count: 1 }) },
  'devPhone.stallLogins': { input: (v) => ({ organizationId: v.organization.id, count: 1 }) },
  'devPhone.expireQr': { input: (v) => ({ organizationId: v.organization.id }) },
  'devPhone.setBehaviour': { input: (v) => ({ organizationId: v.organization.id, notOnWhatsAppPercent: 50 }) },
  // Unread and waiting for reply, notifications (issue 13 points 1 and 7)
  'conversations.markRead': { input: (v) => ({ conversationId: v.conversation.id }), attacker: 'OPERATOR' },
  'conversations.inboxCounts': { input: (v) => ({ organizationId: v.organization.id }) },
  // New chats (issue 13 point 5): another organization's client is not found, and nothing is created
  'conversations.start': { input: (v) => ({ clientId: v.client.id }), attacker: 'OPERATOR' },
  'user.setNotifications': {
    input: () => ({ enabled: false }),
    orgScoped: false,
    // Only the caller's own switch: the answer names nothing but the value set.
    ownDataOnly: (result) => assert(JSON.stringify(result) === '{"notifications":false}', 'user.setNotifications answered more than its own switch'),
  },
  // Quick replies (issue 13 point 4): the victim's list (for its conversation), and changes to its reply.
  'quickReplies.list': { input: (v) => ({ conversationId: v.conversation.id }), attacker: 'OPERATOR' },
  'quickReplies.create': { input: (v) => ({ organizationId: v.organization.id, shortcut: 'chuzhoi', text: 'чужой ответ', language: null }) },
  'quickReplies.update': { input: (v) => ({ id: v.quickReplyId, shortcut: 'hacked', text: 'взломано', language: null }) },
  'quickReplies.delete': { input: (v) => ({ id: v.quickReplyId }) },
  // issue 16 point 3: the org admin's dashboard
  'dashboard.activity': { input: (v) => ({ organizationId: v.organization.id, days: 30 }) },
  'dashboard.delivery': { input: (v) => ({ organizationId: v.organization.id, days: 7 }) },
  'dashboard.uptime': { input: (v) => ({ organizationId: v.organization.id, days: 7 }) },
  'dashboard.quota': { input: (v) => ({ organizationId: v.organization.id }) },
}

/** Procedure path → case; later issues add their procedures here. */
export function registerIsolationCases(cases: Record<string, IsolationCase>) {
  Object.assign(isolationCases, cases)
}
