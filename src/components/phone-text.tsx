import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

/** "+996555123456" → "+996 555 123 456"; anything unparseable is shown as stored. */
export function formatPhone(phone: string): string {
  return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone
}

export function PhoneText({ phone, className }: { phone: string; className?: string }) {
  return (
    <span className={className} dir="ltr">
      {formatPhone(phone)}
    </span>
  )
}
