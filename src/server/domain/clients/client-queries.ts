/** Reads of clients, always scoped by organization. */
import { db, type Prisma } from '../../db'
import type { ClientStatus } from '../../db/generated/enums'
import { notFound } from '../../errors'

export interface ClientListFilter {
  search?: string
  status?: ClientStatus
  language?: string
  page: number
  pageSize: number
}

const clientListSelect = {
  id: true,
  name: true,
  phone: true,
  avatarUrl: true,
  status: true,
  preferredLanguage: true,
  optedOutAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ClientSelect

export async function listClients(organizationId: string, filter: ClientListFilter) {
  const where: Prisma.ClientWhereInput = { organizationId }
  if (filter.status) where.status = filter.status
  if (filter.language) where.preferredLanguage = filter.language
  if (filter.search) {
    const digits = filter.search.replace(/\D/g, '')
    where.OR = [
      { name: { contains: filter.search, mode: 'insensitive' } },
      ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : []),
      { email: { contains: filter.search, mode: 'insensitive' } },
    ]
  }
  const [items, total] = await db.$transaction([
    db.client.findMany({
      where,
      select: clientListSelect,
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    }),
    db.client.count({ where }),
  ])
  return { items, total, page: filter.page, pageSize: filter.pageSize }
}

export async function getClient(organizationId: string, clientId: string) {
  const client = await db.client.findFirst({
    where: { id: clientId, organizationId },
    select: {
      ...clientListSelect,
      preferredLanguageSource: true,
      languageMatches: true,
      languageSampled: true,
      email: true,
      whatsappId: true,
      lid: true,
      metadata: true,
      events: { select: { id: true, type: true, data: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take: 20 },
      conversations: {
        select: { id: true, channel: true, lastMessageAt: true },
        orderBy: { lastMessageAt: { sort: 'desc', nulls: 'last' } },
      },
    },
  })
  if (!client) throw notFound('clientNotFound')
  return client
}
