/**
 * Whether a person answered a customer lately, from the CRM (sender HUMAN, origin CRM) or from the
 * business phone (origin PHONE). Agents stay quiet then (AGENT_PAUSE_AFTER_HUMAN_MINUTES, default 10).
 */
import { db } from '../../db'
import { getEnv } from '../../env'

/** The quiet window after a person's reply, in milliseconds. */
export function agentPauseMs(): number {
  return getEnv().AGENT_PAUSE_AFTER_HUMAN_MINUTES * 60_000
}

/** True when a person sent (or queued) a message in this conversation within the window. */
export async function humanAnsweredRecently(organizationId: string, conversationId: string, windowMs = agentPauseMs(), now = new Date()): Promise<boolean> {
  if (windowMs <= 0) return false
  const recent = await db.message.findFirst({
    where: { organizationId, conversationId, direction: 'OUTGOING', sender: 'HUMAN', createdAt: { gte: new Date(now.getTime() - windowMs) } },
    select: { id: true },
  })
  return Boolean(recent)
}
