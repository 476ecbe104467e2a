/** A client's identity and display name, normalized the same way for every source (live, history, export). */
import { extractPhoneFromWhatsAppId, toE164 } from '../../whatsapp/phone'

export interface ClientIdentityInput {
  phone?: string | null
  whatsappId?: string | null
  /** The hidden-number id (`<id>@lid`), when known beside the phone. */
  lid?: string | null
}

export interface NormalizedIdentity {
  phone: string | null
  /** The chat id we send to: the one given, else `<digits>@c.us` from the phone, else the LID. */
  whatsappId: string | null
  lid: string | null
}

/**
 * A client's identity from a phone, a WhatsApp id and/or a LID: phone in E.164 where one is known, a
 * `@lid` WhatsApp id also kept as the LID. Malformed ids (empty, `abc@lid`, `1@lid@lid`, odd suffixes)
 * are dropped. Returns null when nothing identifies anybody (or the id is a group or broadcast).
 */
export function normalizeIdentity(input: ClientIdentityInput): NormalizedIdentity | null {
  let phone: string | null = null
  let whatsappId: string | null = null
  let lid: string | null = null
  if (input.phone) {
    try {
      phone = toE164(input.phone)
    } catch {
      phone = null
    }
  }
  if (input.lid) {
    const extracted = extractPhoneFromWhatsAppId(input.lid)
    if (extracted.kind === 'lid') lid = extracted.whatsappId
  }
  const rawId = input.whatsappId?.trim()
  if (rawId) {
    const extracted = extractPhoneFromWhatsAppId(rawId)
    if (extracted.kind === 'group' || extracted.kind === 'broadcast') return null
    if (extracted.kind === 'lid') {
      lid ??= extracted.whatsappId
      whatsappId = extracted.whatsappId
    } else if (extracted.kind === 'phone') {
      whatsappId = rawId
      phone ??= extracted.phone
    }
  }
  whatsappId ??= phone ? `${phone.slice(1)}@c.us` : lid
  if (!phone && !whatsappId && !lid) return null
  return { phone, whatsappId, lid }
}

/** Advisory-lock keys of an identity: transactions touching the same customer take them in this order. */
export function identityLockKeys(organizationId: string, identity: Partial<NormalizedIdentity>): string[] {
  const keys = new Set<string>()
  if (identity.phone) keys.add(`client:${organizationId}:phone:${identity.phone}`)
  if (identity.lid) keys.add(`client:${organizationId}:lid:${identity.lid}`)
  if (identity.whatsappId) keys.add(`client:${organizationId}:wa:${identity.whatsappId}`)
  return [...keys].sort()
}

/** Of two clients found to be one customer, the one that stays: the older (ties: the smaller id). */
export function pickSurvivor<T extends { id: string; createdAt: Date }>(a: T, b: T): { survivor: T; merged: T } {
  const aFirst = a.createdAt.getTime() < b.createdAt.getTime() || (a.createdAt.getTime() === b.createdAt.getTime() && a.id < b.id)
  return aFirst ? { survivor: a, merged: b } : { survivor: b, merged: a }
}

/**
 * Whether to ask WhatsApp for a chat's other identity: a LID chat whose client has no phone yet, or a
 * phone chat whose client has no LID while LID-only clients exist in the organization (one of them
 * may be this customer). Lookups are rate-limited, so they are spent only where they can help.
 */
export function shouldResolveIdentity(chatId: string, client: { phone: string | null; lid: string | null }, lidOnlyClientsExist: boolean): boolean {
  const kind = extractPhoneFromWhatsAppId(chatId).kind
  if (kind === 'lid') return !client.phone
  if (kind === 'phone') return !client.lid && lidOnlyClientsExist
  return false
}

/** A display name fit to store: trimmed, single-spaced, at most 100 characters; junk becomes null. */
export function cleanName(name: string | null | undefined): string | null {
  if (!name) return null
  const cleaned = name
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (!cleaned || !/\p{L}/u.test(cleaned)) return null
  if (/^\+?[\d\s()-]{6,}$/.test(cleaned)) return null
  return cleaned.slice(0, 100)
}
