import { z } from 'zod'
import { MAX_UPLOAD_BYTES } from '../../../import/export/export-file'
import { isStorableText, organizationIdInput } from '../_shared/inputs'

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

/**
 * A WhatsApp chat export (.txt or .zip): one streamed to /api/import/upload, named by its id, or (small
 * files, scripts and tests) inline as base64, which the tRPC body cap keeps under a couple of MB.
 */
export const uploadFields = z.object({
  ...organizationIdInput,
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.(txt|zip)$/i, 'validation.exportFileType')
    .refine(isStorableText, 'validation.unstorableText'),
  uploadId: z.uuid().optional(),
  // Base64 of at most MAX_UPLOAD_BYTES bytes.
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4, 'validation.exportTooLarge')
    .optional(),
  timeZone: timeZone.optional(),
})

export const uploadInput = uploadFields.refine((v) => Boolean(v.uploadId) !== Boolean(v.contentBase64), {
  message: 'validation.exportFileRequired',
  path: ['uploadId'],
})

export type UploadInput = z.infer<typeof uploadInput>
