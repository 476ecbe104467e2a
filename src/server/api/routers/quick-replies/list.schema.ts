import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

/** The organization's quick replies; with a conversation, ordered and personalized for its client. */
export const quickReplyListInput = z.object({ ...organizationIdInput, conversationId: idInput.optional() }).optional()

export type QuickReplyListInput = z.infer<typeof quickReplyListInput>
