import type { z } from 'zod'
import { importOptionsSchema } from '../../../import/import-options'
import { organizationIdInput } from '../_shared/inputs'

export const startImportInput = importOptionsSchema.partial().extend({ ...organizationIdInput })

export type StartImportInput = z.infer<typeof startImportInput>
