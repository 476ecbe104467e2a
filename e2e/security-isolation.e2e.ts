/**
 * The tenant-isolation table (src/server/testing/isolation-cases.ts) over HTTP: the other organization's
 * admin calls every procedure with the demo organization's ids, through the real route (superjson,
 * batching, headers, SSE). Then victim ids hidden inside items: `send` with a victim clientId, a victim
 * message as the messages cursor of the attacker's own conversation, a victim `lastEventId` (input and
 * Last-Event-ID header), `commitExport` with `newClient` carrying the victim client's phone, and bulk
 * items naming victim clients and conversations. Each is refused or returns nothing of the victim's,
 * and the victim's data, read through the victim's own session, is unchanged.
 */
import { expect, test, type APIRequestContext } from '@playwright/test'
import type { SessionUser } from '../src/server/auth/session-user'
import type { Tenant } from '../src/server/testing/factories'
import { isolationCases } from '../src/server/testing/isolation-cases'
import { procedureList } from '../src/server/testing/procedure-list'
import { apiSignIn, callAs, codeOf, openStream, resultOf, type RawAnswer } from './security-http'
import { users } from './whatsapp-helpers'

test.describe.configure({ mode: 'serial', timeout: 240_000 })

interface Me {
  id: string
  email: string
  name: string
  role: SessionUser['role']
  organization: { id: string }
}

interface Page<T> {
  items: T[]
  total: number
}

interface ConversationRow {
  id: string
  client: { id: string; phone: string | null }
}

interface MessageRow {
  id: string
  conversationId: string
  content: string
}

interface Settings {
  settings: { safety: { enableMassSending: boolean } } & Record<string, unknown>
}

const exportText = (line: string) => Buffer.from(`[01.02.26, 10:00:00] Покупатель: ${line}`).toString('base64')

let victimAdmin: APIRequestContext
let victimOperator: APIRequestContext
let attacker: APIRequestContext
let attackerMe: Me
let victim: Tenant
let victimPhone: string | null
let attackerConversationId: string

/** What the victim sees of its own data (ids and texts, not delivery states that move on their own). */
async function victimSnapshot() {
  const conversations = resultOf<Page<ConversationRow>>(await callAs(victimOperator, 'query', 'conversations.list', { pageSize: 100 }))
  const clients = resultOf<Page<{ id: string; name: string; phone: string | null }>>(await callAs(victimOperator, 'query', 'clients.list', { pageSize: 100 }))
  const messages = resultOf<{ items: MessageRow[] }>(
    await callAs(victimOperator, 'query', 'conversations.messages', { conversationId: victim.conversation.id, limit: 200 }),
  )
  const client = resultOf<{ id: string; name: string; phone: string | null; status: string }>(
    await callAs(victimOperator, 'query', 'clients.byId', { clientId: victim.client.id }),
  )
  const settings = resultOf<Settings>(await callAs(victimAdmin, 'query', 'whatsapp.settings.get'))
  const phone = resultOf<{ banned: boolean; networkDown: boolean }>(await callAs(victimAdmin, 'query', 'devPhone.state'))
  const quickReplies = resultOf<{ items: Array<{ id: string; shortcut: string; text: string; language: string | null }> }>(
    await callAs(victimOperator, 'query', 'quickReplies.list'),
  )
  return {
    conversations: conversations.items.map((c) => c.id).sort(),
    clients: clients.items.map((c) => `${c.id}|${c.name}|${c.phone}`).sort(),
    clientsTotal: clients.total,
    messages: messages.items.map((m) => `${m.id}|${m.content}`),
    client: { name: client.name, phone: client.phone, status: client.status },
    settings: settings.settings,
    phone: { banned: phone.banned, networkDown: phone.networkDown },
    quickReplies: quickReplies.items.map((r) => `${r.id}|${r.shortcut}|${r.language}|${r.text}`).sort(),
  }
}

let baseline: Awaited<ReturnType<typeof victimSnapshot>>

test.beforeAll(async ({ playwright }) => {
  victimAdmin = await apiSignIn(playwright, users.admin)
  victimOperator = await apiSignIn(playwright, users.operator)
  attacker = await apiSignIn(playwright, users.otherAdmin)
  attackerMe = resultOf<Me>(await callAs(attacker, 'query', 'user.me'))
  const victimMe = resultOf<Me>(await callAs(victimAdmin, 'query', 'user.me'))
  const victimOperatorMe = resultOf<Me>(await callAs(victimOperator, 'query', 'user.me'))
  expect(attackerMe.organization.id).not.toBe(victimMe.organization.id)

  const conversation = resultOf<Page<ConversationRow>>(await callAs(victimOperator, 'query', 'conversations.list', { pageSize: 5 })).items[0]!
  victimPhone = conversation.client.phone
  const messages = resultOf<{ items: MessageRow[] }>(await callAs(victimOperator, 'query', 'conversations.messages', { conversationId: conversation.id }))
  expect(messages.items.length).toBeGreaterThan(0)

  // A bulk batch and an import job of the victim's (its own admin makes them).
  const settings = resultOf<Settings>(await callAs(victimAdmin, 'query', 'whatsapp.settings.get')).settings
  resultOf(await callAs(victimAdmin, 'mutation', 'whatsapp.settings.update', { safety: { ...settings.safety, enableMassSending: true } }))
  const bulk = resultOf<{ batchId: string | null }>(
    await callAs(victimAdmin, 'mutation', 'whatsapp.sendBulk', { messages: [{ conversationId: conversation.id, content: `Рассылка жертвы ${Date.now()}` }] }),
  )
  resultOf(await callAs(victimAdmin, 'mutation', 'whatsapp.settings.update', { safety: settings.safety }))
  const job = resultOf<{ id: string }>(await callAs(victimAdmin, 'mutation', 'import.start', {}))
  resultOf(await callAs(victimAdmin, 'mutation', 'import.cancel', { jobId: job.id }))
  const quickReply = resultOf<{ id: string }>(
    await callAs(victimAdmin, 'mutation', 'quickReplies.create', {
      shortcut: `victim-${Date.now().toString(36)}`,
      text: 'Ответ жертвы, {name}',
      language: 'ru',
    }),
  )

  victim = {
    organization: { id: victimMe.organization.id },
    operator: { id: victimOperatorMe.id },
    client: { id: conversation.client.id },
    conversation: { id: conversation.id, messageIds: messages.items.map((m) => m.id) },
    batchId: bulk.batchId!,
    importJobId: job.id,
    quickReplyId: quickReply.id,
  } as unknown as Tenant
  expect(victim.batchId).toBeTruthy()

  attackerConversationId = resultOf<Page<ConversationRow>>(await callAs(attacker, 'query', 'conversations.list', { pageSize: 5 })).items[0]!.id
  baseline = await victimSnapshot()
})

test.afterAll(async () => {
  await Promise.all([victimAdmin?.dispose(), victimOperator?.dispose(), attacker?.dispose()])
})

/** Calls a procedure over HTTP as the attacker; subscriptions answer with their first error or data event. */
async function attackerCall(path: string, type: string, input: unknown): Promise<{ code: string; data?: unknown; answer?: RawAnswer }> {
  if (type === 'subscription') {
    const stream = await openStream(attacker, path, input)
    try {
      await stream.until((s) => s.ended || s.events.some((e) => e.event === 'serialized-error' || e.event === 'message'))
      const failed = stream.events.find((e) => e.event === 'serialized-error')
      if (failed) return { code: (JSON.parse(failed.data) as { json: { data: { code: string } } }).json.data.code }
      return { code: 'OK', data: stream.dataEvents()[0]?.data }
    } finally {
      await stream.close()
    }
  }
  const answer = await callAs(attacker, type as 'query' | 'mutation', path, input)
  return { code: codeOf(answer), data: answer.status === 200 ? resultOf(answer) : undefined, answer }
}

test('every procedure of the table refuses the victim’s ids over HTTP', async () => {
  const missing = procedureList.map(([path]) => path).filter((path) => !isolationCases[path])
  expect(missing).toEqual([])
  const attackerUser = { ...attackerMe, organizationId: attackerMe.organization.id, locale: null } as SessionUser
  const failures: string[] = []
  for (const [path, type] of procedureList) {
    const testCase = isolationCases[path]!
    const input = testCase.input(victim)
    const result = await attackerCall(path, type, input)
    if (testCase.ownDataOnly) {
      if (result.code !== 'OK') failures.push(`${path}: expected own data, got ${result.code}`)
      else {
        try {
          testCase.ownDataOnly(result.data, attackerUser, victim)
        } catch (error) {
          failures.push(`${path}: ${(error as Error).message}`)
        }
      }
    } else if (!['FORBIDDEN', 'NOT_FOUND'].includes(result.code)) {
      failures.push(`${path}: ${result.code} ${result.answer?.text.slice(0, 200) ?? ''}`)
    }
    if (testCase.orgScoped !== false) {
      const explicit = await attackerCall(path, type, { ...input, organizationId: victim.organization.id })
      if (explicit.code !== 'FORBIDDEN') failures.push(`${path} with the victim's organizationId: ${explicit.code}`)
    }
  }
  expect(failures).toEqual([])
})

test('victim ids inside items are refused or yield nothing of the victim’s', async () => {
  // send: a victim clientId (with and without a conversation of the attacker's own).
  expect(codeOf(await callAs(attacker, 'mutation', 'whatsapp.send', { clientId: victim.client.id, content: 'чужой клиент' }))).toMatch(/NOT_FOUND|FORBIDDEN/)
  expect(
    codeOf(await callAs(attacker, 'mutation', 'whatsapp.send', { conversationId: attackerConversationId, clientId: victim.client.id, content: 'смесь' })),
  ).not.toBe('INTERNAL_SERVER_ERROR')

  // The messages cursor: a victim message as the cursor of the attacker's own conversation.
  const page = await callAs(attacker, 'query', 'conversations.messages', { conversationId: attackerConversationId, cursor: victim.conversation.messageIds[0] })
  if (page.status === 200) {
    const items = resultOf<{ items: MessageRow[] }>(page).items
    expect(items.every((m) => m.conversationId === attackerConversationId)).toBe(true)
    expect(items.map((m) => m.id).filter((id) => victim.conversation.messageIds.includes(id))).toEqual([])
  } else {
    expect(codeOf(page)).toMatch(/NOT_FOUND|FORBIDDEN/)
  }

  // lastEventId of the victim's stream, as input and as the Last-Event-ID header: only the attacker's own events.
  // The status stream's snapshot carries the id of the victim organization's newest event.
  const victimStream = await openStream(victimOperator, 'whatsapp.onStatus', {})
  await victimStream.until((s) => s.dataEvents().length > 0)
  const victimEventId = victimStream.dataEvents()[0]!.id!
  expect(victimEventId).not.toBe('0-0')
  await victimStream.close()
  for (const [input, header] of [
    [{ lastEventId: '0-1' }, undefined],
    [{ lastEventId: victimEventId }, undefined],
    [{}, '0-1'],
  ] as const) {
    const stream = await openStream(attacker, 'conversations.onEvents', input, header)
    await stream.until((s) => s.events.some((e) => e.event === 'connected'))
    // Back-fill (if any) is read right after connecting; a round trip later it has been sent.
    resultOf(await callAs(attacker, 'query', 'user.me'))
    await stream.close()
    const text = JSON.stringify(stream.events)
    expect(text).not.toContain(victim.conversation.id)
    expect(text).not.toContain(victim.client.id)
  }

  // commitExport: a victim clientId is refused; newClient with the victim client's phone makes the attacker's own client.
  expect(
    codeOf(
      await callAs(attacker, 'mutation', 'import.commitExport', {
        fileName: 'chat.txt',
        contentBase64: exportText('hi'),
        clientId: victim.client.id,
        businessAuthor: null,
      }),
    ),
  ).toBe('NOT_FOUND')
  if (victimPhone) {
    const committed = resultOf<{ clientId: string; conversationId: string }>(
      await callAs(attacker, 'mutation', 'import.commitExport', {
        fileName: 'chat.txt',
        contentBase64: exportText('импорт атакующего'),
        newClient: { phone: victimPhone, name: 'Перехват' },
        businessAuthor: null,
      }),
    )
    expect(committed.clientId).not.toBe(victim.client.id)
    expect(committed.conversationId).not.toBe(victim.conversation.id)
  }

  // Bulk items naming the victim's client and conversation next to one of the attacker's own.
  const settings = resultOf<Settings>(await callAs(attacker, 'query', 'whatsapp.settings.get')).settings
  resultOf(await callAs(attacker, 'mutation', 'whatsapp.settings.update', { safety: { ...settings.safety, enableMassSending: true } }))
  try {
    const bulk = await callAs(attacker, 'mutation', 'whatsapp.sendBulk', {
      messages: [
        { clientId: victim.client.id, content: 'bulk → чужой клиент' },
        { conversationId: victim.conversation.id, content: 'bulk → чужой диалог' },
        { conversationId: attackerConversationId, content: 'bulk → свой диалог' },
      ],
    })
    if (bulk.status === 200) {
      const result = resultOf<{ queued: number; errors: Array<{ index: number; error: string }> }>(bulk)
      expect(result.queued).toBe(1)
      expect(result.errors.map((e) => [e.index, e.error])).toEqual([
        [0, 'clientNotFound'],
        [1, 'conversationNotFound'],
      ])
    } else {
      expect(codeOf(bulk)).toMatch(/NOT_FOUND|FORBIDDEN/)
    }
  } finally {
    resultOf(await callAs(attacker, 'mutation', 'whatsapp.settings.update', { safety: settings.safety }))
  }
})

test('the victim’s data is unchanged, as its own session sees it', async () => {
  const after = await victimSnapshot()
  expect(after).toEqual(baseline)
})
