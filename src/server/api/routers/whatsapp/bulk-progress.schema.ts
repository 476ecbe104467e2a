import { z } from 'zod'
import { idInput, lastEventIdInput, organizationIdInput } from '../_shared/inputs'

/** One batch; the query and its subscription (onBulkProgress) take the same input. */
export const bulkProgressInput = z.object({
  ...organizationIdInput,
  batchId: idInput,
  lastEventId: lastEventIdInput,
})

export type BulkProgressInput = z.infer<typeof bulkProgressInput>
