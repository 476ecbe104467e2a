import type { z } from 'zod'
import { bulkInput } from './send-bulk.schema'

/** The same messages a sendBulk would get (at most 100, each text bounded), nothing created. */
export const previewBulkInput = bulkInput.pick({ organizationId: true, messages: true })

export type PreviewBulkInput = z.infer<typeof previewBulkInput>
