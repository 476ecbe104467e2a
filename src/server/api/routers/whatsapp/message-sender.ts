import type { OrgContext } from '../../trpc'

/**
 * Who is sending: a person (HUMAN, their user id) or an agent (AI, its type, agent priority).
 * Only server-side callers may raise a person's priority; browsers always send at 1.
 */
export function senderOf(ctx: OrgContext, requested?: number) {
  if (ctx.agent) return { sender: 'AI' as const, senderId: ctx.agent.type, priority: requested ?? 5 }
  return { sender: 'HUMAN' as const, senderId: ctx.user.id, priority: ctx.source === 'server' ? (requested ?? 1) : 1 }
}
