'use client'

import { useTranslations } from 'next-intl'
import { Fragment, useLayoutEffect, useRef } from 'react'
import { Button } from '~/components/button'
import { SpinnerIcon } from '~/components/icons'
import { MessageBubble } from './message-bubble'
import { ThreadEntryLine, type ThreadEntry } from './thread-entry'
import { placeEntries } from './thread-entry-placement'
import { useDayKey, useDayLabel } from './use-chat-dates'
import type { ThreadMessage } from './use-conversation-messages'

const NEAR_BOTTOM_PX = 120

/**
 * The scrollable list of bubbles with day dividers. Opens at the newest message; loading older
 * messages keeps the view where it was; a new message at the bottom scrolls into view if the
 * reader was already at the bottom.
 */
export function MessageThread({
  messages,
  hasOlder,
  isLoadingOlder,
  onLoadOlder,
  entries = [],
}: {
  messages: ThreadMessage[]
  hasOlder: boolean
  isLoadingOlder: boolean
  onLoadOlder: () => void
  /** Notes and system lines (issue 13), placed between the messages by time. */
  entries?: ThreadEntry[]
}) {
  const t = useTranslations('conversations')
  const dayKey = useDayKey()
  const dayLabel = useDayLabel()
  const scroller = useRef<HTMLDivElement>(null)
  const previous = useRef<{ firstId?: string; lastId?: string; scrollHeight: number; nearBottom: boolean }>({ scrollHeight: 0, nearBottom: true })

  const firstId = messages[0]?.id
  const entriesByMessage = placeEntries(messages, entries, hasOlder)
  const lastId = entriesByMessage.trailing.at(-1)?.id ?? messages.at(-1)?.id

  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const before = previous.current
    if (!before.lastId) {
      el.scrollTop = el.scrollHeight
    } else if (firstId !== before.firstId && lastId === before.lastId) {
      el.scrollTop += el.scrollHeight - before.scrollHeight
    } else if (lastId !== before.lastId && before.nearBottom) {
      el.scrollTo({ top: el.scrollHeight, behavior: 'smooth' })
    }
    previous.current = { firstId, lastId, scrollHeight: el.scrollHeight, nearBottom: before.nearBottom }
  }, [firstId, lastId])

  const onScroll = () => {
    const el = scroller.current
    if (!el) return
    previous.current.nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX
    previous.current.scrollHeight = el.scrollHeight
  }

  return (
    <div ref={scroller} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-3 py-3 sm:px-6" data-testid="message-thread">
      {hasOlder && (
        <div className="flex justify-center py-2">
          <Button variant="secondary" size="sm" onClick={onLoadOlder} disabled={isLoadingOlder} data-testid="load-older">
            {isLoadingOlder && <SpinnerIcon className="size-4" />}
            {isLoadingOlder ? t('loadingOlder') : t('loadOlder')}
          </Button>
        </div>
      )}
      {messages.length === 0 && <p className="mx-auto mt-8 w-fit rounded-lg bg-white/80 px-3 py-1.5 text-sm text-slate-500 shadow-sm">{t('noMessages')}</p>}
      {messages.map((message, index) => {
        const prev = messages[index - 1]
        const newDay = !prev || dayKey(prev.createdAt) !== dayKey(message.createdAt)
        const grouped = !newDay && prev?.direction === message.direction
        return (
          <Fragment key={message.id}>
            {entriesByMessage.before.get(message.id)?.map((entry) => (
              <ThreadEntryLine key={entry.id} entry={entry} />
            ))}
            {newDay && (
              <div className="sticky top-0 z-10 flex justify-center py-2">
                <span className="rounded-lg bg-white/95 px-3 py-1 text-xs font-medium text-slate-600 shadow-sm">{dayLabel(message.createdAt)}</span>
              </div>
            )}
            <MessageBubble message={message} grouped={grouped} />
          </Fragment>
        )
      })}
      {entriesByMessage.trailing.map((entry) => (
        <ThreadEntryLine key={entry.id} entry={entry} />
      ))}
    </div>
  )
}
