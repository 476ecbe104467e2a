import { APP_REQUEST_HEADER, EXPORT_UPLOAD_PATH, FILE_NAME_HEADER } from '~/shared/request-limits'

/** The server takes chat exports up to 10 MB; bigger files are refused here, before uploading. */
export const MAX_EXPORT_BYTES = 10 * 1024 * 1024

/** A chat export is the .txt WhatsApp writes, or the .zip it makes when media are included. */
export const EXPORT_FILE_PATTERN = /\.(txt|zip)$/i

/** The server's refusal, already in the user's language. */
export class UploadError extends Error {}

/**
 * Streams the file to the server's upload route (the raw bytes as the body, not base64 in JSON) and
 * returns the id that previewExport and commitExport take.
 */
export async function uploadExportFile(file: File): Promise<string> {
  const response = await fetch(EXPORT_UPLOAD_PATH, {
    method: 'POST',
    body: file,
    headers: { 'content-type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(file.name), [APP_REQUEST_HEADER]: '1' },
  })
  const payload = (await response.json().catch(() => null)) as { uploadId?: string; error?: { message?: string } } | null
  if (!response.ok || !payload?.uploadId) throw new UploadError(payload?.error?.message ?? response.statusText)
  return payload.uploadId
}
