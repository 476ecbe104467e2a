import en from '../../messages/en.json'
import ky from '../../messages/ky.json'
import ru from '../../messages/ru.json'
import type { Locale } from './locales'

export type Messages = typeof ru
// Typed as the Russian catalog: a key missing from another language fails the type check.
export const allMessages: Record<Locale, Messages> = { ru, en, ky }
