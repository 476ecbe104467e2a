import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'
import { quickReplyFieldsInput } from './create.schema'

/** All of a quick reply's fields, as the admin form sends them. */
export const quickReplyUpdateInput = z.object({ ...organizationIdInput, id: idInput, ...quickReplyFieldsInput })

export type QuickReplyUpdateInput = z.infer<typeof quickReplyUpdateInput>
