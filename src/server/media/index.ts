/**
 * The process's media store, chosen by the environment: S3 when MEDIA_S3_BUCKET is set, else the local
 * directory MEDIA_DIR. Tests swap it (setMediaStore) to run the same code against either.
 */
import { getEnv } from '../env'
import { processSlot } from '../process-singleton'
import { LocalMediaStore } from './local-media-store'
import type { MediaStore } from './media-store'
import { S3MediaStore } from './s3-media-store'

export * from './media-store'

const slot = processSlot<MediaStore>('media-store')

export function getMediaStore(): MediaStore {
  let store = slot.get()
  if (!store) {
    const env = getEnv()
    store =
      env.MEDIA_S3_BUCKET && env.MEDIA_S3_ACCESS_KEY_ID && env.MEDIA_S3_SECRET_ACCESS_KEY
        ? new S3MediaStore({
            bucket: env.MEDIA_S3_BUCKET,
            region: env.MEDIA_S3_REGION,
            accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID,
            secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY,
            ...(env.MEDIA_S3_ENDPOINT ? { endpoint: env.MEDIA_S3_ENDPOINT } : {}),
            forcePathStyle: env.MEDIA_S3_FORCE_PATH_STYLE,
          })
        : new LocalMediaStore(env.MEDIA_DIR)
    slot.set(store)
  }
  return store
}

/** Replaces the process's store (tests); undefined goes back to the environment's. */
export function setMediaStore(store: MediaStore | undefined): void {
  slot.set(store)
}
