import { z } from 'zod'
import { locales } from '~/i18n/locales'

export const setLocaleInput = z.object({ locale: z.enum(locales) })

export type SetLocaleInput = z.infer<typeof setLocaleInput>
