import { z } from 'zod'
import { idInput, isStorableText, phoneInput, textInput } from '../_shared/inputs'
import { uploadFields } from './preview-export.schema'

export const commitExportInput = uploadFields
  .extend({
    clientId: idInput.optional(),
    newClient: z.object({ phone: phoneInput, name: textInput(100, 1).optional() }).optional(),
    businessAuthor: z.string().max(200).refine(isStorableText, 'validation.unstorableText').nullable(),
  })
  .refine((v) => v.clientId || v.newClient, { message: 'validation.exportClientRequired', path: ['clientId'] })
  .refine((v) => Boolean(v.uploadId) !== Boolean(v.contentBase64), { message: 'validation.exportFileRequired', path: ['uploadId'] })

export type CommitExportInput = z.infer<typeof commitExportInput>
