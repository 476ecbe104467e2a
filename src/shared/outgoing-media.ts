/** Media out: limits the composer (browser) and the server agree on. */

/** The largest file an operator or agent may send (WhatsApp's own limit for photos). */
export const OUTGOING_MEDIA_MAX_BYTES = 16 * 1024 * 1024

/** Where the browser streams a file to send (the raw file as the body, its name in `x-file-name`, URI-encoded). */
export const MEDIA_UPLOAD_PATH = '/api/media/upload'

/** What the file picker offers (the server sniffs the bytes whatever the picker let through). */
export const OUTGOING_MEDIA_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx,.pptx,.odt,.ods,.rtf,.txt,.csv'
