'use client'

import { useMutation } from '@tanstack/react-query'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useRef, useState } from 'react'
import { Alert } from '~/components/alert'
import { cx } from '~/components/class-names'
import { CloseIcon, PaperclipIcon, SendIcon, SpinnerIcon, WifiOffIcon } from '~/components/icons'
import { fieldClasses } from '~/components/input'
import { NO_MEDIA } from '~/shared/message-media'
import { OUTGOING_MEDIA_ACCEPT } from '~/shared/outgoing-media'
import { useTRPC } from '~/trpc/react'
import { QuickReplyPicker } from '../quick-replies/quick-reply-picker'
import { useQuickReplyPicker } from '../quick-replies/use-quick-reply-picker'
import { useCurrentUser } from '../shell/current-user'
import { useWhatsAppStatus } from '../whatsapp/use-whatsapp-status'
import { ComposerAttachment } from './composer-attachment'
import { confirmLocalMessage, LOCAL_ID_PREFIX, removeMessage, upsertMessage } from './thread-cache'
import { useComposerAttachment } from './use-composer-attachment'
import { useThreadCache } from './use-live-thread'

/** Errors that the WhatsApp settings page can do something about. */
const settingsRelated = new Set(['TOO_MANY_REQUESTS', 'PRECONDITION_FAILED'])

/**
 * Writes a reply: Enter sends, Shift+Enter starts a new line. The message shows at once as queued,
 * then its ticks follow the live events. A refused send (limits, a banned number) explains why in
 * the server's words, and the text is given back to edit. Typing `/` offers the quick replies.
 * A photo or document (the paperclip, drag and drop, or paste) is uploaded at once and goes with the
 * text as its caption.
 */
export function MessageComposer({ conversationId, autoFocus = false }: { conversationId: string; autoFocus?: boolean }) {
  const t = useTranslations('composer')
  const trpc = useTRPC()
  const me = useCurrentUser()
  const updateThread = useThreadCache(conversationId)
  const { view } = useWhatsAppStatus()
  const [text, setText] = useState('')
  const [caret, setCaret] = useState(0)
  const input = useRef<HTMLTextAreaElement>(null)
  const filePicker = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)
  const files = useComposerAttachment()
  const send = useMutation(trpc.whatsapp.send.mutationOptions())
  const picker = useQuickReplyPicker({
    conversationId,
    text,
    caret,
    onInsert: (next, position) => {
      setText(next)
      setCaret(position)
      requestAnimationFrame(() => {
        input.current?.focus()
        input.current?.setSelectionRange(position, position)
      })
    },
  })

  const attached = files.attachment
  const canSend = !send.isPending && attached?.state !== 'uploading' && (Boolean(text.trim()) || attached?.state === 'ready')

  const submit = () => {
    const content = text.trim()
    if (!canSend) return
    const media = attached?.state === 'ready' ? attached : null
    const localId = `${LOCAL_ID_PREFIX}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
    updateThread((data) =>
      upsertMessage(data, {
        id: localId,
        conversationId,
        content: media ? `[Media: ${media.kind === 'IMAGE' ? 'image' : 'document'}]${content ? ` ${content}` : ''}` : content,
        direction: 'OUTGOING',
        sender: 'HUMAN',
        senderId: me.id,
        status: 'PENDING',
        language: null,
        error: null,
        createdAt: new Date(),
        sentAt: null,
        deliveredAt: null,
        readAt: null,
        origin: 'CRM',
        deletedAt: null,
        editedAt: null,
        editHistory: [],
        quietUntil: null,
        ...NO_MEDIA,
        ...(media
          ? { mediaKind: media.kind, mediaStatus: 'PENDING' as const, mediaFileName: media.fileName, mediaMimeType: media.contentType, mediaSize: media.size }
          : {}),
      }),
    )
    setText('')
    setCaret(0)
    files.clear()
    send.mutate(
      { conversationId, content, ...(media ? { media: { id: media.mediaId, fileName: media.fileName } } : {}) },
      {
        onSuccess: (result) => updateThread((data) => confirmLocalMessage(data, localId, result.messageId)),
        onError: () => {
          updateThread((data) => removeMessage(data, localId))
          setText((current) => current || content)
        },
      },
    )
    input.current?.focus()
  }

  const offline = view && view.status !== 'CONNECTED'
  const banned = view?.errorCode === 'BANNED'
  const errorCode = send.error?.data?.code

  return (
    <div className="space-y-2">
      {send.error && (
        <Alert
          tone="error"
          data-testid="send-error"
          data-code={errorCode}
          action={
            <div className="flex flex-wrap items-center gap-3">
              {errorCode && settingsRelated.has(errorCode) && (
                <Link href="/settings/whatsapp" className="text-sm font-semibold underline underline-offset-2">
                  {t('openSettings')}
                </Link>
              )}
              <button type="button" onClick={() => send.reset()} className="inline-flex items-center gap-1 text-sm font-medium opacity-80 hover:opacity-100">
                <CloseIcon className="size-3.5" />
                {t('dismiss')}
              </button>
            </div>
          }
        >
          {send.error.message}
        </Alert>
      )}
      {files.error && (
        <Alert
          tone="error"
          data-testid="attach-error"
          action={
            <button type="button" onClick={files.dismissError} className="inline-flex items-center gap-1 text-sm font-medium opacity-80 hover:opacity-100">
              <CloseIcon className="size-3.5" />
              {t('dismiss')}
            </button>
          }
        >
          {files.error}
        </Alert>
      )}
      {attached && <ComposerAttachment attachment={attached} onRemove={files.clear} />}
      {offline && !send.error && (
        <p className="flex items-center gap-2 px-1 text-xs text-amber-800" data-testid="composer-offline">
          <WifiOffIcon className="size-4 shrink-0" />
          {banned ? t('banned') : t('offline')}
        </p>
      )}
      <form
        className={cx('relative flex items-end gap-2 rounded-2xl', dragging && 'ring-2 ring-brand-400 ring-offset-2')}
        data-testid="composer-form"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          setDragging(false)
          if (files.attachFrom(event.dataTransfer.files)) event.preventDefault()
        }}
      >
        <QuickReplyPicker picker={picker} />
        <input
          ref={filePicker}
          type="file"
          accept={OUTGOING_MEDIA_ACCEPT}
          className="hidden"
          data-testid="composer-file"
          onChange={(event) => {
            files.attachFrom(event.target.files)
            event.target.value = ''
          }}
        />
        <button
          type="button"
          onClick={() => filePicker.current?.click()}
          aria-label={t('attach.button')}
          title={t('attach.hint')}
          data-testid="composer-attach"
          className="flex size-10 shrink-0 items-center justify-center rounded-full text-slate-500 transition-colors hover:bg-slate-100 hover:text-slate-700"
        >
          <PaperclipIcon className="size-5" />
        </button>
        <label htmlFor={`composer-${conversationId}`} className="sr-only">
          {t('label')}
        </label>
        <textarea
          ref={input}
          id={`composer-${conversationId}`}
          autoFocus={autoFocus}
          data-testid="composer-input"
          rows={1}
          value={text}
          maxLength={4096}
          placeholder={attached ? t('attach.captionPlaceholder') : t('placeholder')}
          title={t('quickReplyHint')}
          {...picker.inputProps}
          onChange={(event) => {
            setText(event.target.value)
            setCaret(event.target.selectionStart)
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onPaste={(event) => {
            if (files.attachFrom(event.clipboardData.files)) event.preventDefault()
          }}
          onKeyDown={(event) => {
            if (picker.onKeyDown(event)) return
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault()
              submit()
            }
          }}
          className={cx(fieldClasses, 'field-sizing-content max-h-40 min-h-10 resize-none rounded-2xl py-2 leading-snug')}
        />
        <button
          type="submit"
          data-testid="composer-send"
          disabled={!canSend}
          aria-label={t('send')}
          title={t('sendHint')}
          className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-600 text-white shadow-sm transition-colors hover:bg-brand-700 disabled:bg-slate-300"
        >
          {send.isPending ? <SpinnerIcon className="size-5" /> : <SendIcon className="size-5" />}
        </button>
      </form>
    </div>
  )
}
