import type { RouterInputs, RouterOutputs } from '~/trpc/router-types'
import type { ClientStatus } from '~/shared/enums'
import type { ImportPreviewRow } from '~/shared/import-preview'

export type { ImportPreviewRow }

/** An import job as the server shows it (history import or export upload). */
export type ImportJob = NonNullable<RouterOutputs['import']['status']>
export type ImportJobStatus = ImportJob['status']

type StartInput = NonNullable<RouterInputs['import']['start']>
export type ImportOptionName = Exclude<keyof StartInput, 'organizationId'>
export type ImportOptionValues = Record<ImportOptionName, boolean>

/** The switches of the history import form, in the order they are shown, with the server's defaults. */
export const importOptionNames = [
  'importContacts',
  'importMessages',
  'detectStatus',
  'useLLMStatusDetection',
  'skipDuplicates',
  'dryRun',
] as const satisfies readonly ImportOptionName[]

export const defaultImportOptions: ImportOptionValues = {
  importContacts: true,
  importMessages: true,
  detectStatus: true,
  useLLMStatusDetection: false,
  skipDuplicates: true,
  dryRun: false,
}

/** A chat export as the upload card sent it (by the upload route's id): what it previews and what the review then imports. */
export interface ExportUpload {
  fileName: string
  uploadId: string
  timeZone: string
}

export type ExportPreview = RouterOutputs['import']['previewExport']
export type ExportCommitResult = RouterOutputs['import']['commitExport']
export type ClientListItem = RouterOutputs['clients']['list']['items'][number]

/** What went wrong (the job's `errors`): a code the UI explains, the chat it concerns, the engine's detail. */
export interface ImportErrorEntry {
  code: string
  chat?: string
  message?: string
}

/** What the import wants the user to know (the job's `notes`). */
export interface ImportNote {
  code: string
  count?: number
  chat?: string
}

const activeStatuses: ReadonlySet<ImportJobStatus> = new Set(['PENDING', 'WAITING_FOR_SCAN', 'RUNNING'])

/** Still going: starting, waiting for its QR to be scanned, or reading chats. */
export function isActiveImport(status: ImportJobStatus): boolean {
  return activeStatuses.has(status)
}

function objects(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => Boolean(item) && typeof item === 'object') : []
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined)

/** The job's JSON `errors`, typed; anything malformed is dropped. */
export function importErrors(job: Pick<ImportJob, 'errors'>): ImportErrorEntry[] {
  return objects(job.errors)
    .filter((e) => typeof e.code === 'string')
    .map((e) => ({ code: e.code as string, chat: text(e.chat), message: text(e.message) }))
}

/** The job's JSON `notes`, typed. */
export function importNotes(job: Pick<ImportJob, 'notes'>): ImportNote[] {
  return objects(job.notes)
    .filter((n) => typeof n.code === 'string')
    .map((n) => ({ code: n.code as string, count: typeof n.count === 'number' ? n.count : undefined, chat: text(n.chat) }))
}

/** The dry run's JSON `preview`, typed. */
export function importPreviewRows(job: Pick<ImportJob, 'preview'>): ImportPreviewRow[] {
  return objects(job.preview).map((row) => ({
    name: text(row.name) ?? null,
    phone: text(row.phone) ?? null,
    status: (text(row.status) ?? 'NEW_LEAD') as ClientStatus,
    language: text(row.language) ?? '',
    messages: typeof row.messages === 'number' ? row.messages : 0,
    newMessages: typeof row.newMessages === 'number' ? row.newMessages : 0,
    newClient: row.newClient === true,
  }))
}
