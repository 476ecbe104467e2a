'use client'

import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { insertQuickReply, quickReplyQuery, rankQuickReplies } from '~/shared/quick-replies'
import { useTRPC } from '~/trpc/react'

/** At most this many replies are offered at once; typing narrows them. */
const SHOWN_MAX = 50

/**
 * The composer's `/` picker: `/` at the start of the text or after a space opens it, what follows filters
 * it (shared/quick-replies.ts: the client's language first), arrows move, Enter or Tab picks, Escape
 * closes. Picking replaces the typed `/query` with the reply, `{name}` already filled by the server.
 * The list is fetched again at each opening, so replies an admin just changed show without a reload.
 */
export function useQuickReplyPicker({
  conversationId,
  text,
  caret,
  onInsert,
}: {
  conversationId: string
  text: string
  caret: number
  /** Called with the new text and where the caret goes. */
  onInsert: (text: string, caret: number) => void
}) {
  const trpc = useTRPC()
  const listboxId = useId()
  const query = quickReplyQuery(text, caret)
  // Escape closes the picker for this `/` only: typing a new one opens it again.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  const open = query !== null && dismissedAt !== query.start
  const replies = useQuery({ ...trpc.quickReplies.list.queryOptions({ conversationId }), enabled: open, staleTime: 0 })
  const items = open && replies.data ? rankQuickReplies(replies.data.items, query.query, replies.data.client?.language).slice(0, SHOWN_MAX) : []
  const queryKey = query ? `${query.start}:${query.query}` : ''
  const [active, setActive] = useState({ key: '', index: 0 })
  const activeIndex = active.key === queryKey ? Math.min(active.index, Math.max(items.length - 1, 0)) : 0
  const activeId = items[activeIndex] ? `${listboxId}-${items[activeIndex].id}` : undefined

  // The `/` is gone: the next one opens the picker again (state adjusted while rendering, not in an effect).
  if (query === null && dismissedAt !== null) setDismissedAt(null)

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' })
  }, [activeId])

  const pick = (index: number) => {
    const item = items[index]
    if (!query || !item) return
    const next = insertQuickReply(text, query.start, caret, item.personalized ?? item.text)
    onInsert(next.text, next.caret)
  }

  /** Handles the picker's keys; true when the key was the picker's (the composer must not act on it). */
  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false
    if (event.key === 'Escape') {
      event.preventDefault()
      setDismissedAt(query.start)
      return true
    }
    if (items.length === 0) return false
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive({ key: queryKey, index: (activeIndex + step + items.length) % items.length })
      return true
    }
    if ((event.key === 'Enter' && !event.shiftKey) || (event.key === 'Tab' && !event.shiftKey)) {
      event.preventDefault()
      pick(activeIndex)
      return true
    }
    return false
  }

  return {
    open,
    query: query?.query ?? '',
    items,
    isLoading: open && replies.isPending,
    error: open ? replies.error : null,
    total: replies.data?.items.length ?? 0,
    clientLanguage: replies.data?.client?.language ?? null,
    listboxId,
    activeIndex,
    activeId,
    setActiveIndex: (index: number) => setActive({ key: queryKey, index }),
    pick,
    onKeyDown,
    /** ARIA for the text field the picker belongs to. */
    inputProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': open ? listboxId : undefined,
      'aria-activedescendant': open ? activeId : undefined,
    },
  }
}

export type QuickReplyPickerState = ReturnType<typeof useQuickReplyPicker>
