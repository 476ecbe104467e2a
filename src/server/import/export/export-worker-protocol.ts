/** What the export worker is asked (workerData) and what it answers (one message). */
import type { AppErrorCode, AppErrorParams } from '../../errors'
import type { ExportPreviewData, ExportRowsData } from './export-analysis'

export type ExportWorkerRequest = { fileName: string; bytes: Uint8Array; timeZone: string } & (
  { task: 'preview' } | { task: 'rows'; businessAuthor: string | null }
)

/** The rows come in several messages of ROWS_PER_MESSAGE (each one a short task for the receiving event loop), then the answer. */
export const ROWS_PER_MESSAGE = 5_000

export type ExportWorkerResponse =
  | { ok: true; rowsPart: ExportRowsData['rows'] }
  | { ok: true; preview: ExportPreviewData }
  | { ok: true; rows: ExportRowsData }
  | { ok: false; error: { code: AppErrorCode; messageKey: string; params: AppErrorParams; message?: string } }
