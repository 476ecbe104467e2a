/**
 * The Content-Type a stored file is served with, and whether a browser may show it inline. The type
 * comes from the sender's phone (WhatsApp's announced mimetype), so it is not trusted: only plain
 * image, audio and video types a browser plays are served inline; everything else (documents, SVG,
 * HTML, unknown) goes as an attachment, always with nosniff and a sandboxing CSP (media-route).
 */
const INLINE_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/amr',
  'audio/webm',
  'audio/wav',
  'video/mp4',
  'video/webm',
  'video/3gpp',
])

/** A clean `type/subtype` (parameters dropped), or application/octet-stream. */
export function normalizeContentType(mimetype: string | null | undefined): string {
  const base = (mimetype ?? '').split(';')[0]!.trim().toLowerCase()
  return /^[a-z]+\/[a-z0-9][a-z0-9.+-]{0,80}$/.test(base) ? base : 'application/octet-stream'
}

/** Whether a browser may show the type inline (images, audio, video it plays; never SVG or HTML). */
export function isInlineType(contentType: string): boolean {
  return INLINE_TYPES.has(contentType)
}

/**
 * What the browser is told the type is. OGG/Opus voice notes keep their codec parameter (Chromium plays
 * them either way); anything not served inline becomes application/octet-stream unless it is a PDF or
 * another common document type, which are downloaded as attachments anyway.
 */
export function servedContentType(contentType: string): string {
  if (isInlineType(contentType)) return contentType
  return /^(application\/(pdf|zip|msword|vnd\.[a-z0-9.+-]+)|text\/plain)$/.test(contentType) ? contentType : 'application/octet-stream'
}
