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

/** An uploaded WhatsApp chat export (.txt or .zip), base64. */
export const uploadInput = z.object({
  ...organizationIdInput,
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.(txt|zip)$/i, 'validation.exportFileType')
    .refine(isStorableText, 'validation.unstorableText'),
  // Base64 of at most MAX_UPLOAD_BYTES bytes.
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4, 'validation.exportTooLarge'),
  timeZone: timeZone.optional(),
})

export type UploadInput = z.infer<typeof uploadInput>
