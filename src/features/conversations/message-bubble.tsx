import { useTranslations } from 'next-intl'
import { cx } from '~/components/class-names'
import { useDateFormatter } from '~/components/use-date-formatter'
import { mediaCaption } from '~/shared/message-media'
import { previousTexts } from './edit-history'
import { MessageMedia } from './message-media'
import { MessageRetryButton, StuckPendingRetry } from './message-retry-button'
import { QuietHoursNotice } from './quiet-hours-notice'
import { MessageStatusIcon } from './message-status-icon'
import { LOCAL_ID_PREFIX } from './thread-cache'
import type { ThreadMessage } from './use-conversation-messages'

/**
 * One message: incoming on the left in white, outgoing on the right in green, with its time and
 * (outgoing) delivery status. `grouped` = same sender as the message above, so no tail and less space.
 */
export function MessageBubble({ message, grouped }: { message: ThreadMessage; grouped?: boolean }) {
  const t = useTranslations('conversations')
  const format = useDateFormatter()
  const outgoing = message.direction === 'OUTGOING'
  const failed = outgoing && message.status === 'FAILED'
  const time = format.dateTime(message.createdAt, { hour: '2-digit', minute: '2-digit' })
  const deleted = Boolean(message.deletedAt)
  const previous = message.editedAt ? previousTexts(message.editHistory) : []
  // Media keep a `[Media: …]` placeholder as their text (search, previews): the bubble shows the media and the caption.
  const text = message.mediaKind ? mediaCaption(message.content) : message.content
  return (
    <div className={cx('flex flex-col', outgoing ? 'items-end' : 'items-start', grouped ? 'mt-0.5' : 'mt-2.5')}>
      <div
        data-testid="message-bubble"
        data-direction={message.direction}
        data-status={message.status}
        data-deleted={deleted || undefined}
        data-edited={message.editedAt ? true : undefined}
        data-origin={message.origin}
        data-media={message.mediaKind ?? undefined}
        data-media-status={message.mediaStatus ?? undefined}
        className={cx(
          'relative max-w-[85%] rounded-lg px-2.5 pt-1.5 pb-2 text-[0.9rem] leading-snug text-slate-900 shadow-[0_1px_0.5px_rgba(11,20,26,0.13)] sm:max-w-[70%]',
          outgoing ? 'bg-bubble-out' : 'bg-white',
          !grouped && (outgoing ? 'rounded-tr-none' : 'rounded-tl-none'),
          failed && 'ring-1 ring-red-300',
        )}
      >
        {outgoing && message.origin === 'PHONE' && (
          <p className="mb-0.5 text-[0.7rem] font-medium text-emerald-800" data-testid="message-from-phone">
            {t('phoneSide.fromPhone')}
          </p>
        )}
        {deleted && (
          <p className="mb-0.5 text-[0.7rem] font-medium text-slate-500 italic" data-testid="message-deleted-label">
            {t('phoneSide.deleted')}
          </p>
        )}
        {message.mediaKind && <MessageMedia message={message} />}
        <p
          className={cx('break-words whitespace-pre-wrap', deleted && 'text-slate-500 line-through')}
          data-testid={message.mediaKind ? 'message-caption' : undefined}
        >
          {deleted ? <del data-testid="message-deleted-content">{text}</del> : text}
          {/* An invisible copy of the time keeps the last line clear of the real one in the corner. */}
          <span aria-hidden className="invisible ml-2 inline-flex gap-1 text-[0.68rem] leading-none tabular-nums">
            {time}
            {outgoing && <span className="w-4" />}
          </span>
        </p>
        <span className="absolute right-2 bottom-1 flex items-center gap-1 text-[0.68rem] leading-none text-slate-500 tabular-nums">
          <time dateTime={message.createdAt.toISOString()}>{time}</time>
          {outgoing && <MessageStatusIcon status={message.status} />}
        </span>
        {message.editedAt && (
          <details className="mt-1 text-[0.7rem] text-slate-500" data-testid="message-edited">
            <summary className="cursor-pointer select-none">{t('phoneSide.edited')}</summary>
            {previous.length > 0 && (
              <ul className="mt-1 space-y-0.5 border-l-2 border-slate-300 pl-2" aria-label={t('phoneSide.previousVersions')}>
                {previous
                  .slice()
                  .reverse()
                  .map((entry) => (
                    <li key={entry.replacedAt + entry.content} className="break-words whitespace-pre-wrap" data-testid="message-previous-text">
                      {entry.content}
                    </li>
                  ))}
              </ul>
            )}
          </details>
        )}
      </div>
      {failed && (
        <div className="mt-1 flex max-w-[85%] flex-wrap items-start justify-end gap-x-2 sm:max-w-[70%]">
          <p className="pt-0.5 text-right text-xs text-red-600" data-testid="message-error">
            {message.error ? t('failed', { error: message.error }) : t('failedUnknown')}
          </p>
          {!message.id.startsWith(LOCAL_ID_PREFIX) && <MessageRetryButton messageId={message.id} conversationId={message.conversationId} />}
        </div>
      )}
      {outgoing && message.quietUntil && <QuietHoursNotice message={message} />}
      {outgoing && !message.id.startsWith(LOCAL_ID_PREFIX) && !message.quietUntil && <StuckPendingRetry message={message} />}
    </div>
  )
}
