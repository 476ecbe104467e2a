import { z } from 'zod'
import { quickReplyLanguageInput, quickReplyShortcutInput, quickReplyTextInput } from '~/shared/quick-replies'
import { organizationIdInput } from '../_shared/inputs'

/** A quick reply's fields: shortcut, text (cleaned like a message), language (null: any). */
export const quickReplyFieldsInput = {
  shortcut: quickReplyShortcutInput,
  text: quickReplyTextInput,
  language: quickReplyLanguageInput.default(null),
}

export const quickReplyCreateInput = z.object({ ...organizationIdInput, ...quickReplyFieldsInput })

export type QuickReplyCreateInput = z.infer<typeof quickReplyCreateInput>
