/**
 * Whether a conversation is the operator's own or nobody's: who gets a notification for a new customer
 * message (issue 13 point 7). Assignment (point 2) is not there yet, so every conversation is eligible;
 * once conversations carry their assignee, this is the one place to decide it.
 */
export function isMineOrUnassigned(conversation: { id: string; assigneeId?: string | null }, userId: string): boolean {
  if (conversation.assigneeId === undefined) return true
  return conversation.assigneeId === null || conversation.assigneeId === userId
}
