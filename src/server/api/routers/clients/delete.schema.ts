import { z } from 'zod'
import { idInput, organizationIdInput } from '../_shared/inputs'

/** An admin deletes a client with their conversations, messages and media files. */
export const deleteClientInput = z.object({ ...organizationIdInput, clientId: idInput })

export type DeleteClientInput = z.infer<typeof deleteClientInput>
