/**
 * Demo data: one organization with an admin, an operator, clients and conversations, and a second
 * organization used by isolation tests. Idempotent: running it twice changes nothing.
 */
import type { PrismaClient } from '../src/server/db'
import { hashPassword } from '../src/server/auth/password'

export const DEMO = {
  organizationId: 'org_demo',
  otherOrganizationId: 'org_other',
  admin: { email: 'admin@demo.soul.kg', password: 'demo-admin-2026', name: 'Айгуль Асанова' },
  operator: { email: 'operator@demo.soul.kg', password: 'demo-operator-2026', name: 'Бакыт Токтогулов' },
  otherAdmin: { email: 'admin@other.soul.kg', password: 'other-admin-2026', name: 'Other Admin' },
  otherOperator: { email: 'operator@other.soul.kg', password: 'other-operator-2026', name: 'Other Operator' },
} as const

type DemoClient = {
  phone: string
  name: string
  status: 'NEW_LEAD' | 'CONTACTED' | 'INTERESTED' | 'NEGOTIATION' | 'CUSTOMER' | 'REPEAT_CUSTOMER' | 'INACTIVE' | 'LOST'
  language: string
  messages: Array<[direction: 'IN' | 'OUT', text: string, minutesAgo: number]>
}

const demoClients: DemoClient[] = [
  {
    phone: '+996555123456',
    name: 'Нургуль Садыкова',
    status: 'INTERESTED',
    language: 'ru',
    messages: [
      ['IN', 'Здравствуйте! Сколько стоит доставка в Бишкеке?', 180],
      ['OUT', 'Здравствуйте, Нургуль! По Бишкеку доставка 150 сом.', 175],
      ['IN', 'Спасибо, а завтра можно?', 30],
    ],
  },
  {
    phone: '+996700987654',
    name: 'Азамат Жээнбеков',
    status: 'NEW_LEAD',
    language: 'ky',
    messages: [
      ['IN', 'Саламатсызбы! Бааларыңыз канча?', 95],
      ['OUT', 'Саламатсызбы, Азамат! Прайсты азыр жиберем.', 90],
    ],
  },
  {
    phone: '+996772111222',
    name: 'Elena Petrova',
    status: 'CUSTOMER',
    language: 'en',
    messages: [
      ['IN', 'Hi, I would like to order the blue set again', 600],
      ['OUT', 'Hello Elena! Of course, we will prepare it today.', 590],
      ['IN', 'Great, thank you!', 585],
    ],
  },
  {
    phone: '+996555777888',
    name: 'Чолпон Мамытова',
    status: 'NEGOTIATION',
    language: 'ky',
    messages: [
      ['IN', 'Салам, эжеке. Заказ бергим келет, арзаныраак болобу?', 1440],
      ['OUT', 'Салам, Чолпон! 10% арзандатуу бере алабыз.', 1430],
    ],
  },
  { phone: '+996501234567', name: 'Тимур Исаев', status: 'LOST', language: 'ru', messages: [['IN', 'Спасибо, пока не нужно.', 4000]] },
  { phone: '+996770555444', name: 'Айжан Кадырова', status: 'REPEAT_CUSTOMER', language: 'ru', messages: [['IN', 'Добрый день! Хочу повторить заказ.', 2000]] },
  { phone: '+77011234567', name: 'Данияр Омаров', status: 'CONTACTED', language: 'ru', messages: [] },
  { phone: '+996552000111', name: 'Гульмира Абдыкадырова', status: 'INACTIVE', language: 'ky', messages: [] },
]

/** Quick replies of the demo organization (issue 13 point 4): typed as `/price`, `/адрес`… in the composer. */
const demoQuickReplies: Array<{ shortcut: string; language: 'ru' | 'ky' | 'en' | null; text: string }> = [
  { shortcut: 'price', language: 'ru', text: '{name}, цены на ткани от 350 сом за метр. Прислать каталог с ценами?' },
  { shortcut: 'price', language: 'ky', text: '{name}, кездемелердин баасы метри 350 сомдон башталат. Баалары менен каталог жиберейинби?' },
  { shortcut: 'price', language: 'en', text: '{name}, our fabrics start at 350 som per metre. Shall I send you the price list?' },
  { shortcut: 'адрес', language: null, text: 'Бишкек, ул. Токтогула 125, ТЦ «Ала-Тоо», 2 этаж. Пн–Сб 10:00–19:00.' },
  { shortcut: 'рахмат', language: 'ky', text: 'Буйрутмаңыз үчүн рахмат, {name}! 1–2 күндүн ичинде жеткирип беребиз.' },
  { shortcut: 'спасибо', language: 'ru', text: 'Спасибо за заказ, {name}! Доставим в течение 1–2 дней.' },
  { shortcut: 'delivery', language: 'ru', text: 'Доставка по Бишкеку бесплатно от 3000 сом, в регионы — почтой или такси.' },
]

export async function seedDemo(db: PrismaClient, now = new Date()) {
  await db.organization.upsert({
    where: { id: DEMO.organizationId },
    update: {},
    create: { id: DEMO.organizationId, name: 'Soul Demo — Ала-Тоо Текстиль' },
  })
  await db.organization.upsert({
    where: { id: DEMO.otherOrganizationId },
    update: {},
    create: { id: DEMO.otherOrganizationId, name: 'Другая компания (изоляция)' },
  })

  const users = [
    { ...DEMO.admin, role: 'ADMIN' as const, organizationId: DEMO.organizationId },
    { ...DEMO.operator, role: 'OPERATOR' as const, organizationId: DEMO.organizationId },
    { ...DEMO.otherAdmin, role: 'ADMIN' as const, organizationId: DEMO.otherOrganizationId },
    { ...DEMO.otherOperator, role: 'OPERATOR' as const, organizationId: DEMO.otherOrganizationId },
  ]
  const userIds: Record<string, string> = {}
  for (const user of users) {
    const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } })
    if (existing) {
      userIds[user.email] = existing.id
      continue
    }
    const created = await db.user.create({
      data: {
        email: user.email,
        name: user.name,
        role: user.role,
        organizationId: user.organizationId,
        passwordHash: await hashPassword(user.password),
      },
      select: { id: true },
    })
    userIds[user.email] = created.id
  }

  for (const [orgId, clients] of [
    [DEMO.organizationId, demoClients],
    [DEMO.otherOrganizationId, demoClients.slice(0, 2).map((c) => ({ ...c, name: `${c.name} (other)` }))],
  ] as const) {
    for (const c of clients) {
      const client = await db.client.upsert({
        where: { organizationId_phone: { organizationId: orgId, phone: c.phone } },
        update: {},
        create: {
          organizationId: orgId,
          phone: c.phone,
          whatsappId: `${c.phone.slice(1)}@c.us`,
          name: c.name,
          status: c.status,
          preferredLanguage: c.language,
        },
        select: { id: true },
      })
      if (!c.messages.length) continue
      const last = Math.min(...c.messages.map((m) => m[2]))
      const conversation = await db.conversation.upsert({
        where: { organizationId_clientId_channel: { organizationId: orgId, clientId: client.id, channel: 'WHATSAPP' } },
        update: {},
        create: { organizationId: orgId, clientId: client.id, channel: 'WHATSAPP', lastMessageAt: new Date(now.getTime() - last * 60000) },
        select: { id: true },
      })
      const count = await db.message.count({ where: { conversationId: conversation.id } })
      if (count > 0) continue
      await db.message.createMany({
        data: c.messages.map(([direction, text, minutesAgo], index) => {
          const at = new Date(now.getTime() - minutesAgo * 60000)
          return {
            organizationId: orgId,
            conversationId: conversation.id,
            content: text,
            direction: direction === 'IN' ? ('INCOMING' as const) : ('OUTGOING' as const),
            sender: direction === 'IN' ? ('CLIENT' as const) : ('HUMAN' as const),
            senderId: direction === 'IN' ? null : (userIds[orgId === DEMO.organizationId ? DEMO.operator.email : DEMO.otherOperator.email] ?? null),
            status: direction === 'IN' ? ('PENDING' as const) : ('READ' as const),
            whatsappMessageId: `seed_${orgId}_${c.phone.slice(1)}_${index}`,
            language: c.language,
            createdAt: at,
            sentAt: direction === 'OUT' ? at : null,
          }
        }),
      })
      // Unread and waiting (domain/conversations/read-state.ts): the customer's messages after our last reply.
      const ordered = [...c.messages].sort((a, b) => b[2] - a[2])
      const lastReply = ordered.map((m) => m[0]).lastIndexOf('OUT')
      const unanswered = ordered.slice(lastReply + 1)
      const lastReplyMinutes = lastReply >= 0 ? ordered[lastReply]![2] : null
      await db.conversation.update({
        where: { id: conversation.id },
        data: {
          unreadCount: unanswered.length,
          waitingSince: unanswered.length ? new Date(now.getTime() - unanswered[0]![2] * 60000) : null,
          lastReplyAt: lastReplyMinutes === null ? null : new Date(now.getTime() - lastReplyMinutes * 60000),
        },
        select: { id: true },
      })
    }
  }
  // Quick replies: created once, never overwritten (an admin may have edited them in the demo).
  for (const reply of demoQuickReplies) {
    const where = { organizationId: DEMO.organizationId, shortcut: reply.shortcut, language: reply.language }
    if (await db.quickReply.findFirst({ where, select: { id: true } })) continue
    const adminId = userIds[DEMO.admin.email] ?? null
    await db.quickReply.create({ data: { ...where, text: reply.text, createdById: adminId, updatedById: adminId }, select: { id: true } })
  }
  return { userIds }
}
