import type { RouterOutputs } from '~/trpc/router-types'

/** A client picked for a bulk send: enough to personalize and to name them in errors. */
export interface Recipient {
  id: string
  name: string | null
  phone: string | null
}

export type BulkResult = RouterOutputs['whatsapp']['sendBulk']

/** At most this many messages in one bulk send (the API's limit). */
export const MAX_BULK_MESSAGES = 100
