/**
 * One conversation per organization, client and channel, however many callers create it at once: an
 * operator's first reply (no transaction) racing the customer's first message (inside the incoming
 * transaction). Prisma's upsert read then inserted, and the loser failed with P2002 (met by the Redis
 * fault test, redis-lost.int.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { createClient, createOrganization } from '../../testing/factories'
import { findOrCreateConversation } from './find-or-create-conversation'

describe('findOrCreateConversation at once', () => {
  it('gives every concurrent caller the one conversation, created exactly once, with and without a transaction', async () => {
    const org = await createOrganization()
    for (let round = 0; round < 5; round++) {
      const client = await createClient(org.id)
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          i % 2 === 0
            ? findOrCreateConversation(org.id, client.id)
            : db.$transaction((tx) => findOrCreateConversation(org.id, client.id, 'WHATSAPP', tx), { maxWait: 20_000, timeout: 20_000 }),
        ),
      )
      expect(new Set(results.map((r) => r.id)).size).toBe(1)
      expect(results.filter((r) => r.created)).toHaveLength(1)
      expect(await db.conversation.count({ where: { organizationId: org.id, clientId: client.id } })).toBe(1)
    }
  })

  it('finds an existing conversation without creating one', async () => {
    const org = await createOrganization()
    const client = await createClient(org.id)
    const first = await findOrCreateConversation(org.id, client.id)
    expect(first.created).toBe(true)
    expect(await findOrCreateConversation(org.id, client.id)).toEqual({ id: first.id, created: false })
  })
})
