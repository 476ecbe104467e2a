import { z } from 'zod'
import { importOptionsSchema } from '../../../import/import-options'
import { MAX_UPLOAD_BYTES } from '../../../import/export/export-file'
import { organizationIdInput } from '../clients/clients.schema'

const id = z.string().min(1).max(64)
const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz })
      return true
    } catch {
      return false
    }
  }, 'validation.timeZoneInvalid')

export const startImportInput = importOptionsSchema.partial().extend({ ...organizationIdInput })
export const jobInput = z.object({ ...organizationIdInput, jobId: id })
export const statusInput = z.object({ ...organizationIdInput, jobId: id.optional() }).optional()
export const progressInput = z
  .object({ ...organizationIdInput, jobId: id.optional(), lastEventId: z.string().regex(/^\d+-\d+$/).max(40).nullish() })
  .optional()

export const uploadInput = z.object({
  ...organizationIdInput,
  fileName: z.string().trim().min(1).max(200).regex(/\.(txt|zip)$/i, 'validation.exportFileType'),
  // Base64 of at most MAX_UPLOAD_BYTES bytes.
  contentBase64: z.string().min(1).max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4, 'validation.exportTooLarge'),
  timeZone: timeZone.optional(),
})

export const commitExportInput = uploadInput
  .extend({
    clientId: id.optional(),
    newClient: z.object({ phone: z.string().trim().min(5).max(32), name: z.string().trim().min(1).max(100).optional() }).optional(),
    businessAuthor: z.string().max(200).nullable(),
  })
  .refine((v) => v.clientId || v.newClient, { message: 'validation.exportClientRequired', path: ['clientId'] })
