import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'

/** A page's browser-tab title, "<page> · Soul CRM", in the user's language. `titleKey` is a messages key. */
export async function pageMetadata(titleKey: string): Promise<Metadata> {
  const t = await getTranslations()
  return { title: `${t(titleKey)} · ${t('app.name')}` }
}
