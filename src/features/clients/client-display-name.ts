import { useTranslations } from 'next-intl'
import { formatPhone } from '~/components/phone-text'

/** How a client is called in the UI: their name, else their number, else "No name". */
export function useClientDisplayName() {
  const t = useTranslations('common')
  return (client: { name: string | null; phone: string | null }) => client.name || formatPhone(client.phone) || t('unnamed')
}
