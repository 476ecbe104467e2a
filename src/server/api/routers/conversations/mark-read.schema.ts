import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const markReadInput = z.object({ ...organizationIdInput, conversationId: idInput })

export type MarkReadInput = z.infer<typeof markReadInput>
