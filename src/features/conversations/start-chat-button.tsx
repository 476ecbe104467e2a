'use client'

import { useTranslations } from 'next-intl'
import { Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { ChatIcon, SpinnerIcon } from '~/components/icons'
import { useStartChat } from './use-start-chat'

/** "Write" on a client card: opens the client's conversation, starting it when there is none yet. */
export function StartChatButton({ clientId }: { clientId: string }) {
  const t = useTranslations('newChat')
  const start = useStartChat()
  return (
    <div className="space-y-2">
      <Button size="sm" onClick={() => start.mutate({ clientId })} disabled={start.isPending} data-testid="client-write">
        {start.isPending ? <SpinnerIcon className="size-4" /> : <ChatIcon className="size-4" />}
        {t('write')}
      </Button>
      {start.error && (
        <Alert tone="error" data-testid="client-write-error" data-code={start.error.data?.appCode ?? undefined}>
          {start.error.message}
        </Alert>
      )}
    </div>
  )
}
