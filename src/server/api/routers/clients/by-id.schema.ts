import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

export const clientByIdInput = z.object({ ...organizationIdInput, clientId: idInput })

export type ClientByIdInput = z.infer<typeof clientByIdInput>
