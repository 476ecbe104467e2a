/**
 * Media are stored as a text placeholder the CRM can show and search: `[Media: image]`, plus the
 * caption if any. Built for live messages, history and export imports alike, and recognized where a
 * text detector must not read it as words.
 */
const PREFIX = '[Media:'

/** `[Media: <type>]`, followed by the caption when there is one. */
export function mediaPlaceholder(type: string, caption?: string | null): string {
  return caption ? `${PREFIX} ${type}] ${caption}` : `${PREFIX} ${type}]`
}

/** Whether a stored text is a media placeholder (with or without a caption). */
export function isMediaPlaceholder(content: string): boolean {
  return content.startsWith(PREFIX)
}

/** The caption of a placeholder text (`[Media: image] caption` → `caption`); '' when it has none. */
export function captionOf(content: string): string {
  if (!isMediaPlaceholder(content)) return content
  const end = content.indexOf(']')
  return end < 0 ? '' : content.slice(end + 1).trim()
}
