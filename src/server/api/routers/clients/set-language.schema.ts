import { z } from 'zod'
import { DETECTABLE_LANGUAGES } from '../../../text'
import { idInput, organizationIdInput } from '../_shared/inputs'

/** Languages a person can choose for a client: what the detector can answer, without 'und'. */
const choosableLanguages = DETECTABLE_LANGUAGES.filter((code) => code !== 'und') as [string, ...string[]]

/**
 * An admin or operator sets a client's language (kept from then on, never overwritten by detection),
 * or clears the choice with null: the language is decided from the client's messages again.
 */
export const setLanguageInput = z.object({ ...organizationIdInput, clientId: idInput, language: z.enum(choosableLanguages).nullable() })

export type SetLanguageInput = z.infer<typeof setLanguageInput>
