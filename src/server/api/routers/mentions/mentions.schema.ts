import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

/** Marks the caller's mentions read: those of one conversation, or all. */
export const markMentionsReadInput = z.object({ ...organizationIdInput, conversationId: idInput.optional() }).optional()

export type MarkMentionsReadInput = z.infer<typeof markMentionsReadInput>
