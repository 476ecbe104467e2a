import { z } from 'zod'
import { NOTE_MAX_LENGTH } from '~/shared/conversation-assignment'
import { cleanMessageText } from '~/shared/message-text'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const addNoteInput = z.object({
  ...organizationIdInput,
  conversationId: idInput,
  content: z.string().transform(cleanMessageText).pipe(z.string().trim().min(1, 'validation.messageEmpty').max(NOTE_MAX_LENGTH, 'validation.messageTooLong')),
})

export type AddNoteInput = z.infer<typeof addNoteInput>
