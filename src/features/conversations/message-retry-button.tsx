'use client'

import { useMutation } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { RefreshIcon, SpinnerIcon } from '~/components/icons'
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
