/**
 * A phone number typed by a person (a new chat), read the same way in the browser (live preview) and on
 * the server (the check): libphonenumber-js with Kyrgyzstan as the default region, so `0555 123 456`,
 * `555 123 456`, `+996 555 123 456`, `00996…` and `996555123456` all read as `+996555123456`, and other
 * countries need their code (`+7 701 …`, `+7 916 …`). When it is not a number, it says why.
 */
import { AsYouType, parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max'

export const DEFAULT_PHONE_REGION: CountryCode = 'KG'

/** Why a typed number was refused; each has a message under `errors.newChat.phone.*`. */
export type PhoneProblem = 'empty' | 'notANumber' | 'tooShort' | 'tooLong' | 'invalidCountry' | 'invalid'

export type ParsedPhone =
  | {
      ok: true
      /** `+996555123456` */
      e164: string
      /** `996555123456`: what WhatsApp ids are made of. */
      digits: string
      /** `+996 555 123 456` */
      international: string
      country: CountryCode | undefined
    }
  | { ok: false; problem: PhoneProblem }

/** At most this many characters are read (a longer input is not a phone number). */
export const PHONE_INPUT_MAX = 32

function tryParse(text: string, region: CountryCode) {
  const parsed = parsePhoneNumberFromString(text, region)
  return parsed?.isValid() ? parsed : undefined
}

/** Reads a typed phone number (see the file comment); never throws. */
export function parsePhoneInput(input: string, region: CountryCode = DEFAULT_PHONE_REGION): ParsedPhone {
  const trimmed = input.trim()
  if (!trimmed) return { ok: false, problem: 'empty' }
  if (trimmed.length > PHONE_INPUT_MAX || !/^[+\d\s().\-/]+$/.test(trimmed) || !/\d/.test(trimmed)) return { ok: false, problem: 'notANumber' }
  const text = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed
  // Digits without a `+` are a national number first (`0555…`), then an international one (`996555…`, `7701…`).
  const parsed = tryParse(text, region) ?? (text.startsWith('+') ? undefined : tryParse(`+${text}`, region))
  if (parsed) {
    return { ok: true, e164: parsed.number, digits: parsed.number.slice(1), international: parsed.formatInternational(), country: parsed.country }
  }
  switch (validatePhoneNumberLength(text, region)) {
    case 'TOO_SHORT':
      return { ok: false, problem: 'tooShort' }
    case 'TOO_LONG':
      return { ok: false, problem: 'tooLong' }
    case 'INVALID_COUNTRY':
      return { ok: false, problem: 'invalidCountry' }
    case 'NOT_A_NUMBER':
      return { ok: false, problem: 'notANumber' }
    default:
      return { ok: false, problem: 'invalid' }
  }
}

/** The number as typed so far, laid out the way it will read (`0555 123 456`, `+996 555 123 456`). */
export function formatAsYouType(input: string, region: CountryCode = DEFAULT_PHONE_REGION): string {
  const text = input.trim().startsWith('00') ? `+${input.trim().slice(2)}` : input
  return new AsYouType(region).input(text.slice(0, PHONE_INPUT_MAX))
}

/** `+996555123456` → `+99655***3456`: enough to tell numbers apart in logs, not to dial them. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length <= 6) return `${'*'.repeat(digits.length)}`
  return `+${digits.slice(0, 5)}${'*'.repeat(Math.max(0, digits.length - 9))}${digits.slice(-4)}`
}
