/**
 * Media in: the media worker's processor. The message is stored already (incoming-service, mediaStatus
 * PENDING); this downloads its file through the organization's WhatsApp session, stores it in the media
 * store (content-addressed, capped at MEDIA_MAX_BYTES), records the MediaFile (one per organization and
 * content) and tells the browsers (message.updated). A file over the cap (announced, or found while
 * counting the bytes) ends TOO_LARGE; WhatsApp's failures are retried, then end UNAVAILABLE with the
 * reason. The message itself never depends on its file.
 */
import { Readable } from 'node:stream'
import type { Job } from 'bullmq'
import { db } from '../../db'
import { getEnv } from '../../env'
import { orgLogger } from '../../logger'
import { getMediaStore, MediaTooLargeError, type MediaStore } from '../../media'
import { delayJob, UnrecoverableError } from '../../queues/job-control'
import type { MediaJobData } from '../../queues/media-queue'
import { isEngineError } from '../../whatsapp/engine/errors'
import type { WaDownloadedMedia } from '../../whatsapp/engine/types'
import { fireAndForget, publishMessage } from '../messages/message-events'
import { normalizeContentType } from './content-type'
import { recordMediaFile } from './media-files'

/** Why a file is not there, as the thread shows it (messages: conversations.media.reason.<code>). */
export type MediaFailureReason = 'tooLarge' | 'expired' | 'downloadFailed' | 'notConnected'

/** While the session does not run in this process (or is not connected), the job looks again this often. */
export const MEDIA_NOT_CONNECTED_RETRY_MS = 5000
/** After this long without a connected session the file is given up (WhatsApp keeps media for a while only). */
export const MEDIA_WAIT_FOR_SESSION_MS = 6 * 3600_000

export interface MediaDownloadOptions {
  /** The organization's WhatsApp session (the session manager). */
  download: (organizationId: string, whatsappMessageId: string) => Promise<WaDownloadedMedia | null>
  store?: () => MediaStore
  maxBytes?: () => number
  now?: () => number
}

class MediaUnavailable extends Error {
  constructor(readonly reason: MediaFailureReason) {
    super(reason)
  }
}

async function finish(
  messageId: string,
  data: { mediaStatus: 'STORED' | 'TOO_LARGE' | 'UNAVAILABLE'; mediaError: string | null; mediaFileId?: string; mediaAttempts: number; mediaFileName?: string },
) {
  await db.message.update({ where: { id: messageId }, data, select: { id: true } })
  fireAndForget(publishMessage('message.updated', messageId))
}

export function createMediaProcessor(options: MediaDownloadOptions) {
  const store = options.store ?? getMediaStore
  const maxBytes = options.maxBytes ?? (() => getEnv().MEDIA_MAX_BYTES)
  const now = options.now ?? Date.now

  return async function processMediaJob(job: Job<MediaJobData>, token: string | undefined, attempt: { number: number; final: boolean }) {
    const { organizationId, messageId } = job.data
    const log = orgLogger(organizationId, { component: 'media-download', messageId })
    const message = await db.message.findFirst({
      where: { id: messageId, organizationId },
      select: { whatsappMessageId: true, mediaStatus: true, mediaSize: true, mediaMimeType: true, mediaFileName: true, createdAt: true },
    })
    if (!message || message.mediaStatus !== 'PENDING' || !message.whatsappMessageId) return { status: 'skipped' }
    const cap = maxBytes()
    if (message.mediaSize !== null && message.mediaSize > cap) {
      log.info({ announced: message.mediaSize, cap }, 'media over the size cap: not downloaded')
      await finish(messageId, { mediaStatus: 'TOO_LARGE', mediaError: 'tooLarge', mediaAttempts: attempt.number - 1 })
      return { status: 'tooLarge' }
    }
    try {
      const downloaded = await options.download(organizationId, message.whatsappMessageId)
      if (!downloaded) throw new MediaUnavailable('expired')
      const contentType = normalizeContentType(downloaded.mimetype || message.mediaMimeType)
      const stored = await store().put(Buffer.isBuffer(downloaded.data) ? Readable.from([downloaded.data]) : downloaded.data, { maxBytes: cap })
      const file = await recordMediaFile(organizationId, stored, contentType)
      await finish(messageId, {
        mediaStatus: 'STORED',
        mediaError: null,
        mediaFileId: file.id,
        mediaAttempts: attempt.number,
        ...(!message.mediaFileName && downloaded.fileName ? { mediaFileName: downloaded.fileName.slice(0, 255) } : {}),
      })
      log.info({ size: stored.size, contentType }, 'media stored')
      return { status: 'stored' }
    } catch (error) {
      if (error instanceof MediaTooLargeError) {
        log.info({ cap }, 'media over the size cap while downloading: not stored')
        await finish(messageId, { mediaStatus: 'TOO_LARGE', mediaError: 'tooLarge', mediaAttempts: attempt.number })
        return { status: 'tooLarge' }
      }
      // Not running here, or not connected: wait without spending an attempt, for a while.
      if (isEngineError(error) && error.code === 'NOT_CONNECTED') {
        if (now() - message.createdAt.getTime() > MEDIA_WAIT_FOR_SESSION_MS) {
          await finish(messageId, { mediaStatus: 'UNAVAILABLE', mediaError: 'notConnected', mediaAttempts: attempt.number - 1 })
          return { status: 'unavailable' }
        }
        return delayJob(job, token, MEDIA_NOT_CONNECTED_RETRY_MS)
      }
      const reason: MediaFailureReason = error instanceof MediaUnavailable ? error.reason : 'downloadFailed'
      log.warn({ attempt: attempt.number, final: attempt.final, reason, err: (error as Error).message }, 'media download failed')
      if (attempt.final) {
        await finish(messageId, { mediaStatus: 'UNAVAILABLE', mediaError: reason, mediaAttempts: attempt.number })
        throw new UnrecoverableError(reason)
      }
      await db.message.update({ where: { id: messageId }, data: { mediaAttempts: attempt.number, mediaError: reason }, select: { id: true } })
      throw error
    }
  }
}
