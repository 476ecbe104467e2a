/**
 * Parsing an uploaded chat export off the event loop. A 7.7 MB file with 271k messages takes seconds
 * to parse; on the main thread that froze every tenant's requests, SSE streams and workers meanwhile.
 * Each parse runs in a worker thread (export-worker.ts) with a heap cap and a deadline, at most
 * MAX_PARALLEL at a time; only its small answer (a preview, or the rows) comes back.
 *
 * The worker loads the TypeScript sources through tsx, the way server.ts itself runs, so it works the
 * same under `node --import tsx server.ts` (dev and production), inside Next's route bundle (whose own
 * module URL is not next to the sources) and in tests. Its entry is a one-line bootstrap that registers
 * tsx's loader and then imports export-worker.ts (Node 20 does not apply `--import tsx` in a worker's
 * execArgv to the worker's own entry file). Paths are resolved from the project root, the working
 * directory of every way the app is run.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../errors'
import type { ExportPreviewData, ExportRowsData } from './export-analysis'
import type { ExportWorkerRequest, ExportWorkerResponse } from './export-worker-protocol'

const WORKER_FILE = path.join(process.cwd(), 'src', 'server', 'import', 'export', 'export-worker.ts')
const BOOTSTRAP = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(WORKER_FILE).href)}) })`
const MAX_PARALLEL = 2
const DEADLINE_MS = 5 * 60_000
// 20 MB of text parses into a few hundred MB of objects at most; a bigger heap means a hostile file.
const HEAP_MB = 1024

let running = 0
const waiting: Array<() => void> = []

async function slot(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve))
  running += 1
  return () => {
    running -= 1
    waiting.shift()?.()
  }
}

function runWorker(request: ExportWorkerRequest): Promise<ExportWorkerResponse> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: request,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
      stdout: false,
      stderr: false,
    })
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      fn()
      void worker.terminate()
    }
    const deadline = setTimeout(() => finish(() => reject(new AppError('BAD_REQUEST', 'exportTooLarge', { maxMb: 20 }))), DEADLINE_MS)
    const rowsParts: ExportRowsData['rows'][] = []
    worker.on('message', (response: ExportWorkerResponse) => {
      if (response.ok && 'rowsPart' in response) return void rowsParts.push(response.rowsPart)
      if (response.ok && 'rows' in response) response.rows.rows = rowsParts.flat()
      finish(() => resolve(response))
    })
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('BAD_REQUEST', 'exportTooLarge', { maxMb: 20 }) : err)),
    )
    worker.once('exit', (code) => finish(() => reject(new Error(`export worker exited with code ${code} before answering`))))
  })
}

async function analyze(request: ExportWorkerRequest): Promise<ExportWorkerResponse & { ok: true }> {
  const release = await slot()
  try {
    const response = await runWorker(request)
    if (response.ok) return response
    if (response.error.code === 'INTERNAL') throw new Error(`export worker failed: ${response.error.message ?? 'unknown error'}`)
    throw new AppError(response.error.code, response.error.messageKey, response.error.params)
  } finally {
    release()
  }
}

/** The preview of an uploaded file (bytes of a .txt or .zip), parsed in a worker thread. */
export async function previewInWorker(fileName: string, bytes: Uint8Array, timeZone: string): Promise<ExportPreviewData> {
  const response = await analyze({ task: 'preview', fileName, bytes, timeZone })
  if (!('preview' in response)) throw new Error('export worker answered without a preview')
  return response.preview
}

/** The rows to import from an uploaded file, parsed in a worker thread. */
export async function rowsInWorker(fileName: string, bytes: Uint8Array, timeZone: string, businessAuthor: string | null): Promise<ExportRowsData> {
  const response = await analyze({ task: 'rows', fileName, bytes, timeZone, businessAuthor })
  if (!('rows' in response)) throw new Error('export worker answered without rows')
  return response.rows
}
