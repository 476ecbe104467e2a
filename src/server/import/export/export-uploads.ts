/**
 * Uploaded chat exports waiting to be previewed and imported. The upload route streams the file here
 * (counted, capped); previewExport and commitExport then name it by id. Files live in the system temp
 * directory, one folder per organization, under a generated name (never the user's file name), and
 * expire after an hour; an organization keeps at most MAX_PER_ORGANIZATION of them.
 */
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../../errors'

const ROOT = path.join(os.tmpdir(), 'soul-export-uploads')
const TTL_MS = 60 * 60_000
const MAX_PER_ORGANIZATION = 10
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

interface UploadMeta {
  fileName: string
  bytes: number
}

function organizationDir(organizationId: string): string {
  if (!/^[\w-]{1,64}$/.test(organizationId)) throw new AppError('BAD_REQUEST', 'exportUploadNotFound')
  return path.join(ROOT, organizationId)
}

/** Drops expired uploads and the oldest beyond the per-organization limit (counting one about to be added). */
async function sweep(dir: string) {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.upload'))
  const files = await Promise.all(names.map(async (name) => ({ name, at: (await stat(path.join(dir, name)).catch(() => null))?.mtimeMs ?? 0 })))
  files.sort((a, b) => b.at - a.at)
  const now = Date.now()
  const stale = files.filter((file, index) => index >= MAX_PER_ORGANIZATION - 1 || now - file.at > TTL_MS)
  await Promise.all(stale.map((file) => removeFiles(dir, file.name.replace(/\.upload$/, ''))))
}

async function removeFiles(dir: string, id: string) {
  await Promise.all([rm(path.join(dir, `${id}.upload`), { force: true }), rm(path.join(dir, `${id}.json`), { force: true })])
}

/**
 * Streams an upload to disk. `chunks` is expected to enforce the byte cap itself (it throws past it);
 * whatever it throws is rethrown after the partial file is removed.
 */
export async function saveExportUpload(
  organizationId: string,
  fileName: string,
  chunks: AsyncIterable<Uint8Array>,
): Promise<{ uploadId: string; bytes: number }> {
  const dir = organizationDir(organizationId)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  await sweep(dir)
  const uploadId = randomUUID()
  let bytes = 0
  const counted = async function* () {
    for await (const chunk of chunks) {
      bytes += chunk.byteLength
      yield chunk
    }
  }
  try {
    await pipeline(Readable.from(counted()), createWriteStream(path.join(dir, `${uploadId}.upload`), { mode: 0o600 }))
    const meta: UploadMeta = { fileName, bytes }
    await writeFile(path.join(dir, `${uploadId}.json`), JSON.stringify(meta), { mode: 0o600 })
  } catch (err) {
    await removeFiles(dir, uploadId)
    throw err
  }
  return { uploadId, bytes }
}

/** An upload of this organization, by id; NOT_FOUND once expired, used or never made here. */
export async function readExportUpload(organizationId: string, uploadId: string): Promise<UploadMeta & { content: Buffer }> {
  if (!UPLOAD_ID.test(uploadId)) throw new AppError('NOT_FOUND', 'exportUploadNotFound')
  const dir = organizationDir(organizationId)
  try {
    const meta = JSON.parse(await readFile(path.join(dir, `${uploadId}.json`), 'utf8')) as UploadMeta
    const file = path.join(dir, `${uploadId}.upload`)
    if (Date.now() - (await stat(file)).mtimeMs > TTL_MS) throw new Error('expired')
    return { ...meta, content: await readFile(file) }
  } catch {
    throw new AppError('NOT_FOUND', 'exportUploadNotFound')
  }
}

export async function deleteExportUpload(organizationId: string, uploadId: string) {
  if (!UPLOAD_ID.test(uploadId)) return
  await removeFiles(organizationDir(organizationId), uploadId)
}
