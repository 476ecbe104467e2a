'use client'

import { useMutation } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'
import { RefreshIcon, SpinnerIcon } from '~/components/icons'
import { mayRetry, type MessageStatusName } from '~/shared/message-status'
import { useTRPC } from '~/trpc/react'
import { patchMessage } from './thread-cache'
import { useThreadCache } from './use-live-thread'

/** Puts a failed message back in the queue; its status then follows from live events. */
export function MessageRetryButton({ messageId, conversationId }: { messageId: string; conversationId: string }) {
  const t = useTranslations('composer')
  const trpc = useTRPC()
  const updateThread = useThreadCache(conversationId)
  const retry = useMutation(
    trpc.whatsapp.retry.mutationOptions({
      onSuccess: () => updateThread((data) => patchMessage(data, messageId, { status: 'PENDING', error: null })),
    }),
  )
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={() => retry.mutate({ messageId })}
        disabled={retry.isPending}
        data-testid="message-retry"
        className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-semibold text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        {retry.isPending ? <SpinnerIcon className="size-3.5" /> : <RefreshIcon className="size-3.5" />}
        {t('retry')}
      </button>
      {retry.error && (
        <span role="alert" className="text-xs text-red-700" data-testid="message-retry-error">
          {retry.error.message}
        </span>
      )}
    </span>
  )
}

/** Re-renders every `intervalMs`, so a message that has waited long enough shows its Retry in time. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/**
 * An outgoing message still PENDING after PENDING_RETRY_AFTER_MS (an outage may have stranded it): says
 * so and offers Retry, like a failed one.
 */
export function StuckPendingRetry({ message }: { message: { id: string; conversationId: string; status: MessageStatusName; createdAt: Date | string } }) {
  const t = useTranslations('conversations.outage')
  const now = useNow(15_000)
  if (message.status !== 'PENDING' || !mayRetry(message, now)) return null
  return (
    <div className="mt-1 flex max-w-[85%] flex-wrap items-start justify-end gap-x-2 sm:max-w-[70%]" data-testid="message-stuck-pending">
      <p className="pt-0.5 text-right text-xs text-amber-700">{t('stuckPending')}</p>
      <MessageRetryButton messageId={message.id} conversationId={message.conversationId} />
    </div>
  )
}
