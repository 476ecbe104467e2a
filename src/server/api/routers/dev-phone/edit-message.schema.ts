import { z } from 'zod'
import { organizationIdInput } from '../_shared/inputs'
import { simMessageId } from './delete-message.schema'

export const editMessageInput = z.object({ ...organizationIdInput, messageId: simMessageId, body: z.string().trim().min(1).max(4096) })

export type EditMessageInput = z.infer<typeof editMessageInput>
