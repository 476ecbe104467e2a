import { z } from 'zod'
import { idInput, phoneInput } from '../_shared/inputs'
import { uploadFields } from './preview-export.schema'

export const commitExportInput = uploadFields
  .extend({
    clientId: idInput.optional(),
    newClient: z.object({ phone: phoneInput, name: z.string().trim().min(1).max(100).optional() }).optional(),
    businessAuthor: z.string().max(200).nullable(),
  })
  .refine((v) => v.clientId || v.newClient, { message: 'validation.exportClientRequired', path: ['clientId'] })
  .refine((v) => Boolean(v.uploadId) !== Boolean(v.contentBase64), { message: 'validation.exportFileRequired', path: ['uploadId'] })

export type CommitExportInput = z.infer<typeof commitExportInput>
