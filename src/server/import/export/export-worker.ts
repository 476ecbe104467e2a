/**
 * Worker-thread entry of the export upload (see export-parse.ts): reads the uploaded bytes (unzipping
 * with a cap), parses the chat and answers with the preview or the rows to import, so a big file
 * never blocks the server's event loop. Loaded with tsx, by file path, in its own thread.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../../errors'
import { exportRows, parseExportMessages, summarizeExport } from './export-analysis'
import { readExportBytes } from './export-file'
import { ROWS_PER_MESSAGE, type ExportWorkerRequest, type ExportWorkerResponse } from './export-worker-protocol'

async function run(request: ExportWorkerRequest): Promise<ExportWorkerResponse> {
  const text = await readExportBytes(request.fileName, Buffer.from(request.bytes))
  const messages = parseExportMessages(text, request.timeZone)
  if (!messages.length) throw new AppError('BAD_REQUEST', 'exportNotRecognized')
  if (request.task === 'preview') return { ok: true, preview: summarizeExport(messages) }
  const { rows, ...client } = exportRows(messages, request.businessAuthor)
  // Cloning 271k rows in one message blocks the receiving event loop for most of a second: send parts.
  for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE)
    parentPort!.postMessage({ ok: true, rowsPart: rows.slice(i, i + ROWS_PER_MESSAGE) } satisfies ExportWorkerResponse)
  return { ok: true, rows: { rows: [], ...client } }
}

run(workerData as ExportWorkerRequest).then(
  (response) => parentPort!.postMessage(response),
  (err: unknown) => {
    const response: ExportWorkerResponse =
      err instanceof AppError
        ? { ok: false, error: { code: err.code, messageKey: err.messageKey, params: err.params } }
        : { ok: false, error: { code: 'INTERNAL', messageKey: 'internal', params: {}, message: (err as Error)?.message ?? String(err) } }
    parentPort!.postMessage(response)
  },
)
