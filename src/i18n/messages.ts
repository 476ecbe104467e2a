import en from '../../messages/en.json'
import ky from '../../messages/ky.json'
import ru from '../../messages/ru.json'
import type { Locale } from './locales'

export type Messages = typeof ru
export const allMessages: Record<Locale, Messages> = { ru, en: en as Messages, ky: ky as Messages }
