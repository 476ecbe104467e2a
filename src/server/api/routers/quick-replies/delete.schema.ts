import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const quickReplyDeleteInput = z.object({ ...organizationIdInput, id: idInput })

export type QuickReplyDeleteInput = z.infer<typeof quickReplyDeleteInput>
