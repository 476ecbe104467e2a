'use client'

import { useTranslations } from 'next-intl'
import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { Button } from '~/components/button'
import { cx } from '~/components/class-names'
import { SpinnerIcon } from '~/components/icons'
import { MessageBubble } from './message-bubble'
import { ThreadEntryLine, type ThreadEntry } from './thread-entry'
import { placeEntries } from './thread-entry-placement'
import { useDayKey, useDayLabel } from './use-chat-dates'
import { MESSAGES_PAGE_SIZE, type ThreadMessage } from './use-conversation-messages'

const NEAR_BOTTOM_PX = 120
/** How many older pages a jump to a message may load before it gives up and says so. */
const MAX_JUMP_PAGES = 40

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
  focusMessageId,
  entries = [],
}: {
  messages: ThreadMessage[]
  hasOlder: boolean
  isLoadingOlder: boolean
  onLoadOlder: () => void
  focusMessageId?: string
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
  const focus = useJumpToMessage(scroller, messages, focusMessageId, { hasOlder, isLoadingOlder, onLoadOlder })

  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const before = previous.current
    if (focus.pending) {
      // A jump is under way: useJumpToMessage places the view.
    } else if (!before.lastId) {
      el.scrollTop = el.scrollHeight
    } else if (firstId !== before.firstId && lastId === before.lastId) {
      el.scrollTop += el.scrollHeight - before.scrollHeight
    } else if (lastId !== before.lastId && before.nearBottom) {
      el.scrollTo({ top: el.scrollHeight, behavior: 'smooth' })
    }
    previous.current = { firstId, lastId, scrollHeight: el.scrollHeight, nearBottom: before.nearBottom }
  }, [firstId, lastId, focus.pending])

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
      {focus.gaveUp && <p className="mx-auto mb-2 w-fit rounded-lg bg-white/90 px-3 py-1.5 text-sm text-slate-600 shadow-sm">{t('jumpNotFound')}</p>}
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
            <div
              data-message-id={message.id}
              data-focused={message.id === focus.highlighted || undefined}
              className={cx('rounded-lg transition-colors duration-700', message.id === focus.highlighted && 'bg-amber-200/60')}
            >
              <MessageBubble message={message} grouped={grouped} />
            </div>
          </Fragment>
        )
      })}
      {entriesByMessage.trailing.map((entry) => (
        <ThreadEntryLine key={entry.id} entry={entry} />
      ))}
    </div>
  )
}

/**
 * Opens the thread at `focusMessageId`: loads older pages until the message is there (at most
 * MAX_JUMP_PAGES pages back), scrolls it to the middle and highlights it for a moment.
 */
function useJumpToMessage(
  scroller: React.RefObject<HTMLDivElement | null>,
  messages: ThreadMessage[],
  focusMessageId: string | undefined,
  older: { hasOlder: boolean; isLoadingOlder: boolean; onLoadOlder: () => void },
) {
  const { hasOlder, isLoadingOlder, onLoadOlder } = older
  const [highlightOver, setHighlightOver] = useState(false)
  const scrolledTo = useRef<string | undefined>(undefined)
  const present = focusMessageId !== undefined && messages.some((m) => m.id === focusMessageId)
  const gaveUp = focusMessageId !== undefined && !present && !isLoadingOlder && (!hasOlder || messages.length >= MAX_JUMP_PAGES * MESSAGES_PAGE_SIZE)
  const pending = focusMessageId !== undefined && !present && !gaveUp

  useEffect(() => {
    if (pending && !isLoadingOlder) onLoadOlder()
  }, [pending, isLoadingOlder, onLoadOlder])

  useEffect(() => {
    if (!present || !focusMessageId || scrolledTo.current === focusMessageId) return
    scrolledTo.current = focusMessageId
    scroller.current?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(focusMessageId)}"]`)?.scrollIntoView({ block: 'center' })
    const timer = setTimeout(() => setHighlightOver(true), 2500)
    return () => clearTimeout(timer)
  }, [present, focusMessageId, scroller])

  return { pending, highlighted: present && !highlightOver ? focusMessageId : undefined, gaveUp }
}
