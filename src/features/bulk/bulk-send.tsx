'use client'

import { useMutation, useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { Card } from '~/components/card'
import { ConfirmDialog } from '~/components/confirm-dialog'
import { SendIcon, SpinnerIcon } from '~/components/icons'
import { useTRPC } from '~/trpc/react'
import { BulkEstimate } from './bulk-estimate'
import { BulkMessageEditor } from './bulk-message-editor'
import { BulkProgress } from './bulk-progress'
import { BulkRecipientPicker } from './bulk-recipient-picker'
import { MAX_BULK_MESSAGES, type BulkResult, type Recipient } from './bulk-types'
import { personalize } from '~/shared/personalize'

/** Server answers the WhatsApp settings page can fix (mass sending off, limits). */
function pointsToSettings(error: { data?: { code?: string; appCode?: string | null } | null }) {
  return error.data?.appCode === 'bulkDisabled' || error.data?.code === 'TOO_MANY_REQUESTS'
}

/**
 * Bulk send for admins: pick clients, write one text with {name}, preview it (and, from the server,
 * when it should finish and who will be left out), send. A batch above
 * the safe size needs an explicit confirmation (asked up front when the settings say so, or when the
 * server asks); then the progress follows live.
 */
export function BulkSend() {
  const t = useTranslations('bulk')
  const trpc = useTRPC()
  const settings = useQuery(trpc.whatsapp.settings.get.queryOptions())
  const [selected, setSelected] = useState<Map<string, Recipient>>(() => new Map())
  const [text, setText] = useState('')
  const [confirm, setConfirm] = useState<{ count: number; max: number } | null>(null)
  const [sent, setSent] = useState<{ result: BulkResult; recipients: Recipient[] } | null>(null)
  const sendBulk = useMutation(trpc.whatsapp.sendBulk.mutationOptions())

  const recipients = [...selected.values()]
  const count = recipients.length
  const safety = settings.data?.settings.safety
  const perMinute = settings.data?.settings.rateLimiting.messagesPerMinute ?? null
  const tooMany = count > MAX_BULK_MESSAGES
  const canSend = count > 0 && !tooMany && text.trim().length > 0 && !sendBulk.isPending

  const send = (confirmed: boolean, batch = recipients) => {
    sendBulk.mutate(
      { messages: batch.map((recipient) => ({ clientId: recipient.id, content: personalize(text, recipient.name) })), confirmed },
      {
        onSuccess: (result) => {
          setConfirm(null)
          setSent({ result, recipients: batch })
        },
        onError: (error) => {
          const details = error.data?.details as { count?: number; max?: number } | null | undefined
          if (error.data?.appCode === 'bulkNeedsConfirmation' && !confirmed) {
            setConfirm({ count: details?.count ?? batch.length, max: details?.max ?? safety?.maxBatchSize ?? 0 })
            sendBulk.reset()
          } else {
            setConfirm(null)
          }
        },
      },
    )
  }

  const start = () => {
    if (!canSend) return
    if (safety?.requireConfirmation && count > safety.maxBatchSize) setConfirm({ count, max: safety.maxBatchSize })
    else send(false)
  }

  if (sent) {
    return (
      <BulkProgress
        result={sent.result}
        recipients={sent.recipients}
        perMinute={perMinute}
        action={
          <div className="flex flex-wrap gap-2 pt-1">
            <Button
              variant="secondary"
              onClick={() => {
                setSent(null)
                setSelected(new Map())
                setText('')
                sendBulk.reset()
              }}
              data-testid="bulk-new"
            >
              {t('newSend')}
            </Button>
            <Link href="/conversations" className="inline-flex h-10 items-center px-2 text-sm font-medium text-brand-700 hover:underline">
              {t('openConversations')}
            </Link>
          </div>
        }
      />
    )
  }

  return (
    <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <BulkRecipientPicker selected={selected} onChange={setSelected} />

      <div className="space-y-4 lg:sticky lg:top-4">
        {safety && !safety.enableMassSending && (
          <Alert
            tone="warning"
            title={t('disabledTitle')}
            data-testid="bulk-disabled-warning"
            action={
              <Link href="/settings/whatsapp" className="font-semibold underline underline-offset-2">
                {t('openSettings')}
              </Link>
            }
          >
            {t('disabledBody')}
          </Alert>
        )}
        <Card className="space-y-4 p-4 sm:p-5">
          <BulkMessageEditor text={text} onChange={setText} recipients={recipients} />

          {sendBulk.error && (
            <Alert
              tone="error"
              data-testid="bulk-error"
              data-code={sendBulk.error.data?.appCode ?? sendBulk.error.data?.code}
              action={
                pointsToSettings(sendBulk.error) && (
                  <Link href="/settings/whatsapp" className="font-semibold underline underline-offset-2" data-testid="bulk-error-settings">
                    {t('openSettings')}
                  </Link>
                )
              }
            >
              {sendBulk.error.message}
            </Alert>
          )}
          {tooMany && <Alert tone="warning">{t('tooMany', { max: MAX_BULK_MESSAGES })}</Alert>}

          <div className="space-y-2 border-t border-slate-100 pt-4">
            <Button className="w-full" onClick={start} disabled={!canSend} data-testid="bulk-send">
              {sendBulk.isPending ? <SpinnerIcon className="size-4" /> : <SendIcon className="size-4" />}
              {count > 0 ? t('sendTo', { count }) : t('chooseRecipients')}
            </Button>
            <BulkEstimate recipients={recipients} text={text} />
          </div>
        </Card>
      </div>

      <ConfirmDialog
        open={confirm !== null}
        title={t('confirmTitle', { count: confirm?.count ?? count })}
        confirmLabel={t('confirmSend', { count: confirm?.count ?? count })}
        confirmTestId="bulk-confirm"
        pending={sendBulk.isPending}
        onConfirm={() => send(true)}
        onCancel={() => setConfirm(null)}
      >
        <p>{t('confirmBody', { count: confirm?.count ?? count, max: confirm?.max ?? 0 })}</p>
        {confirm && <BulkEstimate recipients={recipients} text={text} />}
        <p>{t('confirmRisk')}</p>
      </ConfirmDialog>
    </div>
  )
}
