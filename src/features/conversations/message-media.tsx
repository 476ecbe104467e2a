'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useId, useRef, useState } from 'react'
import { CloseIcon, ContactCardIcon, DocumentIcon, ImageOffIcon, MapPinIcon, SpinnerIcon } from '~/components/icons'
import { PhoneText } from '~/components/phone-text'
import { mapLink, mediaUrl, readContacts, readLocation } from '~/shared/message-media'
import type { ThreadMessage } from './use-conversation-messages'

/** A file size for people: 830 KB, 4.2 MB (locale digits). */
function useFileSize() {
  const t = useTranslations('conversations.media')
  return (bytes: number | null | undefined) => {
    if (bytes === null || bytes === undefined) return ''
    if (bytes < 1024) return t('sizeBytes', { size: bytes })
    if (bytes < 1024 * 1024) return t('sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) })
    return t('sizeMb', { size: Math.round((bytes / 1024 / 1024) * 10) / 10 })
  }
}

/**
 * What a message carries besides text (issue 14): the image (with a lightbox), voice note and audio
 * players, the video player, the document link, the location with a map link, the contact cards; while
 * the file downloads a spinner, and "media unavailable" with the reason when it could not be stored.
 */
export function MessageMedia({ message }: { message: ThreadMessage }) {
  const kind = message.mediaKind
  if (!kind) return null
  if (kind === 'LOCATION') return <LocationCard value={message.location} />
  if (kind === 'CONTACT') return <ContactCards value={message.contact} />
  if (message.mediaStatus === 'PENDING') return <MediaPending />
  if (message.mediaStatus !== 'STORED') return <MediaUnavailable status={message.mediaStatus} reason={message.mediaError} />
  const url = mediaUrl(message.id)
  switch (kind) {
    case 'IMAGE':
    case 'STICKER':
      return <ImagePreview url={url} sticker={kind === 'STICKER'} />
    case 'VOICE':
    case 'AUDIO':
      return <audio data-testid="message-audio" controls preload="metadata" src={url} className="my-1 h-10 w-64 max-w-full" />
    case 'VIDEO':
      return <video data-testid="message-video" controls preload="metadata" src={url} className="my-1 max-h-72 w-72 max-w-full rounded-md bg-black" />
    case 'DOCUMENT':
      return <DocumentLink message={message} />
  }
}

function MediaPending() {
  const t = useTranslations('conversations.media')
  return (
    <p data-testid="message-media-pending" className="my-1 flex items-center gap-2 text-sm text-slate-500">
      <SpinnerIcon className="size-4" />
      {t('loading')}
    </p>
  )
}

function MediaUnavailable({ status, reason }: { status: ThreadMessage['mediaStatus']; reason: string | null }) {
  const t = useTranslations('conversations.media')
  const code = status === 'TOO_LARGE' ? 'tooLarge' : (reason ?? 'unknown')
  const known = ['tooLarge', 'expired', 'downloadFailed', 'notConnected'].includes(code) ? code : 'unknown'
  return (
    <div
      data-testid="message-media-unavailable"
      data-reason={known}
      className="my-1 flex items-start gap-2 rounded-md bg-slate-100 px-2.5 py-2 text-sm text-slate-600"
    >
      <ImageOffIcon className="mt-0.5 size-4 shrink-0" />
      <span>
        <span className="block font-medium">{t('unavailable')}</span>
        <span className="block text-xs">{t(`reason.${known}`)}</span>
      </span>
    </div>
  )
}

function ImagePreview({ url, sticker }: { url: string; sticker: boolean }) {
  const t = useTranslations('conversations.media')
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="my-1 block overflow-hidden rounded-md"
        aria-label={t('openImage')}
        data-testid="message-image-open"
      >
        {/* A plain img: an authorized same-origin file (next/image would fetch it without the session). */}
        <img
          data-testid="message-image"
          src={url}
          alt={t('image')}
          loading="lazy"
          className={sticker ? 'size-32 object-contain' : 'max-h-72 w-auto max-w-full min-w-24 bg-slate-100 object-cover'}
        />
      </button>
      {open && <Lightbox url={url} onClose={() => setOpen(false)} />}
    </>
  )
}

/** The image full size over the page; Escape, the close button or a click outside closes it (native <dialog>). */
function Lightbox({ url, onClose }: { url: string; onClose: () => void }) {
  const t = useTranslations('conversations.media')
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
  }, [])
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      data-testid="media-lightbox"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onClick={(event) => event.target === dialog.current && onClose()}
      className="m-auto max-h-none max-w-none bg-transparent p-0 backdrop:bg-slate-950/85"
    >
      <h2 id={titleId} className="sr-only">
        {t('image')}
      </h2>
      <div className="flex h-dvh w-screen items-center justify-center p-3" onClick={(event) => event.target === event.currentTarget && onClose()}>
        <img src={url} alt={t('image')} className="max-h-full max-w-full rounded object-contain" data-testid="media-lightbox-image" />
      </div>
      <button
        type="button"
        onClick={onClose}
        aria-label={t('close')}
        data-testid="media-lightbox-close"
        className="absolute top-3 right-3 rounded-full bg-black/50 p-2 text-white hover:bg-black/70"
      >
        <CloseIcon />
      </button>
    </dialog>
  )
}

function DocumentLink({ message }: { message: ThreadMessage }) {
  const t = useTranslations('conversations.media')
  const size = useFileSize()
  const name = message.mediaFileName || t('document')
  return (
    <a
      href={mediaUrl(message.id, true)}
      download={name}
      data-testid="message-document"
      className="my-1 flex max-w-72 items-center gap-2.5 rounded-md bg-black/5 px-2.5 py-2 hover:bg-black/10"
    >
      <DocumentIcon className="size-7 shrink-0 text-slate-500" />
      <span className="min-w-0">
        <span className="block truncate text-sm font-medium text-slate-900">{name}</span>
        <span className="block text-xs text-slate-500">{size(message.mediaFile?.size ?? message.mediaSize)}</span>
      </span>
    </a>
  )
}

function LocationCard({ value }: { value: unknown }) {
  const t = useTranslations('conversations.media')
  const location = readLocation(value)
  if (!location) return <MediaUnavailable status="UNAVAILABLE" reason={null} />
  return (
    <div data-testid="message-location" className="my-1 flex max-w-72 items-start gap-2.5 rounded-md bg-black/5 px-2.5 py-2">
      <MapPinIcon className="mt-0.5 size-6 shrink-0 text-red-600" />
      <span className="min-w-0 text-sm">
        {location.name && <span className="block font-medium">{location.name}</span>}
        {location.address && <span className="block text-slate-600">{location.address}</span>}
        <span className="block text-xs text-slate-500 tabular-nums" data-testid="message-location-coordinates">
          {location.latitude.toFixed(5)}, {location.longitude.toFixed(5)}
        </span>
        <a
          href={mapLink(location)}
          target="_blank"
          rel="noopener noreferrer"
          className="text-xs font-medium text-emerald-700 underline"
          data-testid="message-location-map"
        >
          {t('openMap')}
        </a>
      </span>
    </div>
  )
}

function ContactCards({ value }: { value: unknown }) {
  const t = useTranslations('conversations.media')
  const cards = readContacts(value)
  return (
    <ul className="my-1 space-y-1.5" aria-label={t('contact')}>
      {cards.map((card, i) => (
        <li key={i} data-testid="message-contact" className="flex max-w-72 items-start gap-2.5 rounded-md bg-black/5 px-2.5 py-2">
          <ContactCardIcon className="mt-0.5 size-6 shrink-0 text-slate-500" />
          <span className="min-w-0 text-sm">
            <span className="block font-medium">{card.name || t('contactNoName')}</span>
            {card.phones.map((phone) => (
              <a key={phone} href={`tel:${phone}`} className="block text-slate-600 tabular-nums">
                <PhoneText phone={phone} />
              </a>
            ))}
          </span>
        </li>
      ))}
    </ul>
  )
}
