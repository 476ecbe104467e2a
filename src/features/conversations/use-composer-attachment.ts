'use client'

import { useTranslations } from 'next-intl'
import { useCallback, useRef, useState } from 'react'
import { MEDIA_UPLOAD_PATH, OUTGOING_MEDIA_MAX_BYTES } from '~/shared/outgoing-media'
import { APP_REQUEST_HEADER, FILE_NAME_HEADER } from '~/shared/request-limits'

/** What the server stored (POST /api/media/upload): the send procedure takes `mediaId` and `fileName`. */
export interface UploadedAttachment {
  mediaId: string
  kind: 'IMAGE' | 'DOCUMENT'
  contentType: string
  size: number
  fileName: string
}

export type Attachment =
  { state: 'uploading'; name: string; size: number; preview: string | null } | ({ state: 'ready'; name: string; preview: string | null } & UploadedAttachment)

/**
 * The composer's one attachment: a file chosen with the button, dropped or pasted is uploaded at once
 * (the raw bytes as the body), so Send only names it. Too large is refused here before uploading; the
 * server sniffs the type and answers a refusal in the user's language.
 */
export function useComposerAttachment() {
  const t = useTranslations('composer.attach')
  const [attachment, setAttachment] = useState<Attachment | null>(null)
  const [error, setError] = useState<string | null>(null)
  const current = useRef(0)

  const clear = useCallback(() => {
    current.current += 1
    setAttachment((previous) => {
      if (previous?.preview) URL.revokeObjectURL(previous.preview)
      return null
    })
  }, [])

  const attach = useCallback(
    async (file: File) => {
      setError(null)
      if (file.size > OUTGOING_MEDIA_MAX_BYTES) {
        setError(t('tooLarge', { maxMb: OUTGOING_MEDIA_MAX_BYTES / 1024 / 1024 }))
        return
      }
      if (file.size === 0) {
        setError(t('empty'))
        return
      }
      clear()
      const attempt = (current.current += 1)
      const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null
      const name = file.name || 'photo'
      setAttachment({ state: 'uploading', name, size: file.size, preview })
      try {
        const response = await fetch(MEDIA_UPLOAD_PATH, {
          method: 'POST',
          body: file,
          headers: { 'content-type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(name), [APP_REQUEST_HEADER]: '1' },
        })
        const payload = (await response.json().catch(() => null)) as (UploadedAttachment & { error?: { message?: string } }) | null
        if (attempt !== current.current) return
        if (!response.ok || !payload?.mediaId) throw new Error(payload?.error?.message ?? t('failed'))
        setAttachment({ state: 'ready', name, preview, ...payload })
      } catch (err) {
        if (attempt !== current.current) return
        if (preview) URL.revokeObjectURL(preview)
        setAttachment(null)
        setError((err as Error).message || t('failed'))
      }
    },
    [clear, t],
  )

  /** The first file of a drop or a paste, if any. */
  const attachFrom = useCallback(
    (files: FileList | null | undefined): boolean => {
      const file = files?.[0]
      if (!file) return false
      void attach(file)
      return true
    },
    [attach],
  )

  return { attachment, error, dismissError: () => setError(null), attach, attachFrom, clear }
}
