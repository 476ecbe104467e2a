/**
 * `{name}` in a bulk message becomes each client's name. When the name is unknown the placeholder
 * goes away tidily: "Hello, {name}!" becomes "Hello!", not "Hello, !". The browser personalizes
 * before sending, so the preview is exactly what goes out.
 */
const placeholder = /\{\s*name\s*\}/gi
/** The placeholder with the comma and spaces before it, when punctuation follows. */
const placeholderBeforePunctuation = /,?[ \t]*\{\s*name\s*\}(?=[ \t]*[,.!?])/gi

export function personalize(template: string, name: string | null | undefined): string {
  const value = name?.trim() ?? ''
  const text = value ? template.replace(placeholder, value) : template.replace(placeholderBeforePunctuation, '').replace(placeholder, '')
  return text.replace(/[ \t]+([,.!?])/g, '$1').replace(/[ \t]{2,}/g, ' ').trim()
}

export const NAME_PLACEHOLDER = '{name}'
