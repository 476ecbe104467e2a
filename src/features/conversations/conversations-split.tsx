'use client'

import { useParams } from 'next/navigation'
import { cx } from '~/components/class-names'

/**
 * Two panes on wide screens (list | thread); on a phone one at a time: the list, or the open
 * conversation (which has a back link).
 */
export function ConversationsSplit({ list, children }: { list: React.ReactNode; children: React.ReactNode }) {
  const { id } = useParams<{ id?: string }>()
  const open = Boolean(id)
  return (
    <div className="flex h-full min-h-0">
      <section className={cx('h-full min-h-0 w-full border-r border-slate-200 md:w-80 md:shrink-0 lg:w-96', open && 'max-md:hidden')}>{list}</section>
      <section className={cx('h-full min-h-0 min-w-0 flex-1', !open && 'max-md:hidden')}>{children}</section>
    </div>
  )
}
