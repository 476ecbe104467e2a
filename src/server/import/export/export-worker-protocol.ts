/** What the export worker is asked (workerData) and what it answers (one message). */
import type { AppErrorCode, AppErrorParams } from '../../errors'
import type { ExportPreviewData, ExportRowsData } from './export-analysis'

export type ExportWorkerRequest = { fileName: string; bytes: Uint8Array; timeZone: string } & (
  { task: 'preview' } | { task: 'rows'; businessAuthor: string | null }
)

export type ExportWorkerResponse =
  | { ok: true; preview: ExportPreviewData }
  | { ok: true; rows: ExportRowsData }
  | { ok: false; error: { code: AppErrorCode; messageKey: string; params: AppErrorParams; message?: string } }
