/**
 * The media files of a chat export .zip, attached to the imported messages (issue 14 point 5): each
 * file a message line names is read from the zip as a capped stream (export-file.ts readZipMedia: per
 * file MEDIA_MAX_BYTES, all together MAX_MEDIA_TOTAL_BYTES) into the media store. A file the zip lacks
 * or that is refused leaves its message a placeholder, as before.
 */
import { getEnv } from '../../env'
import { importedMediaKind, storeImportedMedia, type ImportedMediaFile } from '../../domain/media/imported-media'
import { orgLogger } from '../../logger'
import type { MessageToImport } from '../importers/message-importer'
import type { ExportRow } from './export-analysis'
import { isZipBytes, readZipMedia } from './export-file'

/** The media columns of each row whose file the export has, by row index. */
export async function exportMediaOfRows(
  organizationId: string,
  bytes: Uint8Array,
  rows: ExportRow[],
): Promise<Map<number, NonNullable<MessageToImport['media']>>> {
  const byRow = new Map<number, NonNullable<MessageToImport['media']>>()
  const wanted = new Set(rows.flatMap((row) => (row.mediaFileName ? [row.mediaFileName] : [])))
  if (!wanted.size || !isZipBytes(bytes)) return byRow
  const files = new Map<string, ImportedMediaFile>()
  const cap = getEnv().MEDIA_MAX_BYTES
  const result = await readZipMedia(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), wanted, cap, async (name, chunks) => {
    files.set(name, await storeImportedMedia(organizationId, chunks, name, cap))
  })
  orgLogger(organizationId, { component: 'export-import' }).info(
    { named: wanted.size, attached: result.attached, skipped: result.skipped.length, reasons: [...new Set(result.skipped.map((s) => s.reason))] },
    'export media attached',
  )
  rows.forEach((row, index) => {
    const file = row.mediaFileName ? files.get(row.mediaFileName) : undefined
    if (!file || !row.mediaFileName) return
    byRow.set(index, {
      kind: importedMediaKind(row.mediaKind, row.mediaFileName, file.contentType),
      fileId: file.id,
      mimeType: file.contentType,
      size: file.size,
      fileName: row.mediaFileName.slice(0, 255),
    })
  })
  return byRow
}
