/**
 * `{name}` in a bulk message becomes each client's name. When the name is unknown the placeholder
 * goes away tidily, with the comma that addressed it: "Hello, {name}!" becomes "Hello!" and
 * "{name}, салам!" becomes "салам!". The browser personalizes each text before sending, so the
 * preview is exactly what the server receives and sends.
 */
const placeholder = /\{\s*name\s*\}/gi
/** A leading placeholder with the comma after it ("{name}, салам"). */
const leadingPlaceholder = /^[ \t]*\{\s*name\s*\}[ \t]*,?/i
/** The placeholder with the comma and spaces before it ("Hello, {name}"). */
const addressedPlaceholder = /[ \t]*,?[ \t]*\{\s*name\s*\}/gi

export const NAME_PLACEHOLDER = '{name}'

export function personalize(template: string, name: string | null | undefined): string {
  const value = name?.trim()
  const text = value ? template.replace(placeholder, value) : template.replace(leadingPlaceholder, '').replace(addressedPlaceholder, '')
  return text
    .replace(/[ \t]+([,.!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
}
