import type { ClientStatus } from './enums'

/**
 * One chat a dry run would import. The history import writes these into ImportJob.preview (JSON);
 * the browser reads them back from there.
 */
export interface ImportPreviewRow {
  name: string | null
  phone: string | null
  status: ClientStatus
  language: string
  /** Messages in the chat that were read. */
  messages: number
  /** Of those, the ones not in the CRM yet. */
  newMessages: number
  /** No client matches the chat yet: the import would create one. */
  newClient: boolean
}
