/**
 * Phone numbers and WhatsApp ids. Numbers are stored in E.164 (`+996555123456`); WhatsApp chat ids are
 * `<digits>@c.us`. Newer WhatsApp ids (`@lid`) hide the number: we keep the id instead of inventing one.
 */
import path from 'node:path'
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import { getEnv } from '../env'
import { AppError } from '../errors'
import { remoteAuthSessionName } from './engine/session-name'

export const DEFAULT_REGION: CountryCode = 'KG'

/**
 * Normalizes a phone number to E.164 (default region Kyrgyzstan: `0555 123 456` → `+996555123456`).
 * Throws AppError(BAD_REQUEST, 'phoneInvalid') for anything that is not a valid number.
 */
export function toE164(input: string, region: CountryCode = DEFAULT_REGION): string {
  const cleaned = input.trim()
  const withPlus = /^(00)/.test(cleaned) ? `+${cleaned.slice(2)}` : cleaned
  const parsed = parsePhoneNumberFromString(withPlus, region)
  if (!parsed || !parsed.isValid()) {
    throw new AppError('BAD_REQUEST', 'phoneInvalid', { phone: input.slice(0, 32) })
  }
  return parsed.number
}

/**
 * A phone number (any common layout) or a WhatsApp id, as the chat id WhatsApp expects:
 * `+996 555 123 456` → `996555123456@c.us`. Existing `@c.us`/`@lid` ids pass through.
 */
export function formatPhoneNumber(input: string, region: CountryCode = DEFAULT_REGION): string {
  const trimmed = input.trim()
  if (/^\d{6,20}@(c\.us|lid)$/.test(trimmed)) return trimmed
  if (/@/.test(trimmed)) throw new AppError('BAD_REQUEST', 'phoneInvalid', { phone: trimmed.slice(0, 32) })
  return `${toE164(trimmed, region).slice(1)}@c.us`
}

export interface ExtractedWhatsAppIdentity {
  /** E.164 phone, or null when WhatsApp hid it (`@lid`). */
  phone: string | null
  /** The WhatsApp id, always kept. */
  whatsappId: string
  kind: 'phone' | 'lid' | 'group' | 'broadcast' | 'unknown'
}

/**
 * The phone number behind a WhatsApp id: `996555123456@c.us` → `+996555123456`. For `@lid` ids (which
 * do not carry a number) the phone is null and the id is kept, rather than inventing a number.
 */
export function extractPhoneFromWhatsAppId(whatsappId: string): ExtractedWhatsAppIdentity {
  const id = whatsappId.trim()
  const parts = id.split('@')
  const [user = '', server = ''] = parts
  // Anything that is not exactly `<user>@<server>` (empty, `@lid`, `1@lid@lid`, `abc@lid`) identifies nobody.
  if (parts.length !== 2) return { phone: null, whatsappId: id, kind: 'unknown' }
  if (server === 'c.us' || server === 's.whatsapp.net') {
    const digits = user.split(':')[0]!
    if (!/^\d{6,20}$/.test(digits)) return { phone: null, whatsappId: id, kind: 'unknown' }
    const parsed = parsePhoneNumberFromString(`+${digits}`)
    return { phone: parsed?.isPossible() ? parsed.number : `+${digits}`, whatsappId: id, kind: 'phone' }
  }
  if (server === 'lid') {
    // A LID is digits (a device suffix `:12` may follow, as on message authors); the chat is `<digits>@lid`.
    const lidUser = user.split(':')[0]!
    if (!/^\d{1,24}$/.test(lidUser)) return { phone: null, whatsappId: id, kind: 'unknown' }
    return { phone: null, whatsappId: `${lidUser}@lid`, kind: 'lid' }
  }
  if (server === 'g.us') return { phone: null, whatsappId: id, kind: 'group' }
  if (server === 'broadcast') return { phone: null, whatsappId: id, kind: 'broadcast' }
  return { phone: null, whatsappId: id, kind: 'unknown' }
}

export type WhatsAppClientMode = 'import' | 'integration'

export interface WhatsAppClientConfig {
  organizationId: string
  mode: WhatsAppClientMode
  /** `import-<org>` or `org-<org>`: never the same for the two modes, so both can run at once. */
  clientId: string
  /** Where this client's browser profile lives on disk. */
  dataPath: string
  /** RemoteAuth's session name, the key of the stored archive. */
  sessionName: string
}

/**
 * Client id and data path for an organization's WhatsApp client. Import and live integration get
 * separate ids and folders so they never share a browser profile or a stored session.
 */
export function createWhatsAppClientConfig(organizationId: string, mode: WhatsAppClientMode, baseDir = getEnv().WHATSAPP_DATA_PATH): WhatsAppClientConfig {
  if (!/^[-_a-zA-Z0-9]+$/.test(organizationId)) throw new Error(`invalid organization id for a WhatsApp client: ${organizationId}`)
  const clientId = mode === 'import' ? `import-${organizationId}` : `org-${organizationId}`
  return {
    organizationId,
    mode,
    clientId,
    dataPath: path.resolve(baseDir, clientId),
    sessionName: remoteAuthSessionName(clientId),
  }
}
