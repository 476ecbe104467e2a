import { parsePhoneNumberFromString } from 'libphonenumber-js/min'
import { useTranslations } from 'next-intl'
import { cx } from './class-names'

/** "+996555123456" → "+996 555 123 456"; anything unparseable is shown as stored; no number → null. */
export function formatPhone(phone: string | null | undefined): string | null {
  if (!phone) return null
  return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone
}

/** A phone number, or "number hidden" when WhatsApp does not share it. */
export function PhoneText({ phone, className }: { phone: string | null; className?: string }) {
  const t = useTranslations('common')
  const formatted = formatPhone(phone)
  return (
    <span className={cx(className, !formatted && 'italic opacity-70')} dir="ltr">
      {formatted ?? t('hiddenNumber')}
    </span>
  )
}
