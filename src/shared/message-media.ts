/**
 * What browser and server share about a message's media (issue 14): the fields of a message without
 * media, the caption behind a stored `[Media: …]` placeholder, and reading the structured location and
 * contact data defensively (they are JSON columns).
 */

/** The media fields of a message that has none (plain text, an optimistic local message). */
export const NO_MEDIA = {
  mediaKind: null,
  mediaStatus: null,
  mediaError: null,
  mediaFileName: null,
  mediaMimeType: null,
  mediaSize: null,
  mediaFile: null,
  location: null,
  contact: null,
} as const

const PLACEHOLDER = /^\[Media: [a-z]+\]\s?/

/** The caption of a media message: its stored text without the `[Media: <type>]` placeholder. */
export function mediaCaption(content: string): string {
  return content.replace(PLACEHOLDER, '')
}

export interface LocationData {
  latitude: number
  longitude: number
  name?: string
  address?: string
  url?: string
}

export interface ContactCardData {
  name: string
  phones: string[]
}

/** A stored location, or null when it is not one. */
export function readLocation(value: unknown): LocationData | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  if (typeof v.latitude !== 'number' || typeof v.longitude !== 'number') return null
  const text = (x: unknown) => (typeof x === 'string' && x ? x : undefined)
  return { latitude: v.latitude, longitude: v.longitude, name: text(v.name), address: text(v.address), url: text(v.url) }
}

/** Stored contact cards (never throws; malformed entries are left out). */
export function readContacts(value: unknown): ContactCardData[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((card) => {
    if (!card || typeof card !== 'object') return []
    const c = card as Record<string, unknown>
    const phones = Array.isArray(c.phones) ? c.phones.filter((p): p is string => typeof p === 'string') : []
    return [{ name: typeof c.name === 'string' ? c.name : '', phones }]
  })
}

/** An OpenStreetMap link to the coordinates (no API key, nothing loaded until the operator clicks). */
export function mapLink(location: LocationData): string {
  const lat = location.latitude.toFixed(6)
  const lon = location.longitude.toFixed(6)
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`
}

/** The URL a message's stored file is served from (signed-in users of its organization only). */
export function mediaUrl(messageId: string, download = false): string {
  return `/api/media/${encodeURIComponent(messageId)}${download ? '?download=1' : ''}`
}
