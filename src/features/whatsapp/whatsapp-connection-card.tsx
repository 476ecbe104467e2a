'use client'

import { useMutation } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { ActionErrorAlert, Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { Card, CardHeader, CardNoteFooter } from '~/components/card'
import { ConfirmDialog } from '~/components/confirm-dialog'
import { PhoneLinkIcon, SpinnerIcon } from '~/components/icons'
import { Switch } from '~/components/switch'
import { linkChunks } from '~/components/text-link'
import { LoadingLine } from '~/components/loading-line'
import { useTRPC } from '~/trpc/react'
import { useWhatsAppStatus } from './use-whatsapp-status'
import { WhatsAppConnectedDetails } from './whatsapp-connected-details'
import { WhatsAppErrorExplanation } from './whatsapp-error-explanation'
import { WhatsAppQrPanel } from './whatsapp-qr-panel'
import { WhatsAppStatusBadge } from './whatsapp-status-badge'
import type { WhatsAppStatusView } from './whatsapp-types'

/**
 * The WhatsApp connection, driven only by the live status subscription: connect and scan the QR,
 * see the linked number, follow reconnects, and read what went wrong in plain words. Admins connect
 * and disconnect; operators see the same status without the buttons.
 */
export function WhatsAppConnectionCard({ canManage, simulator = false }: { canManage: boolean; simulator?: boolean }) {
  const t = useTranslations('whatsapp')
  const trpc = useTRPC()
  const { view, link } = useWhatsAppStatus()
  const connect = useMutation(trpc.whatsapp.connect.mutationOptions())
  const disconnect = useMutation(trpc.whatsapp.disconnect.mutationOptions())
  const [confirmOpen, setConfirmOpen] = useState(false)
  const [logoutToo, setLogoutToo] = useState(false)
  const actionError = connect.error ?? disconnect.error

  const startConnect = () => {
    disconnect.reset()
    connect.mutate(undefined)
  }
  const stop = (logout = false) => {
    connect.reset()
    disconnect.mutate({ logout }, { onSettled: () => setConfirmOpen(false) })
  }

  const connectButton = (testId: 'whatsapp-connect' | 'whatsapp-retry', label: string) =>
    canManage && (
      <Button onClick={startConnect} disabled={connect.isPending} data-testid={testId}>
        {connect.isPending && <SpinnerIcon className="size-4" />}
        {label}
      </Button>
    )

  return (
    <Card data-testid="whatsapp-connection">
      <CardHeader
        icon={<PhoneLinkIcon />}
        title={t('connection.title')}
        subtitle={link === 'connecting' && view && t('connection.relinking')}
        actions={view && <WhatsAppStatusBadge status={view.status} />}
      />

      <div className="space-y-4 p-4 sm:p-5">
        {!view ? (
          <LoadingLine className="py-6">{t('connection.checking')}</LoadingLine>
        ) : (
          <ConnectionBody
            view={view}
            canManage={canManage}
            connectButton={connectButton}
            onCancel={() => stop(false)}
            cancelling={disconnect.isPending}
            onDisconnect={() => {
              setLogoutToo(false)
              setConfirmOpen(true)
            }}
          />
        )}
        <ActionErrorAlert error={actionError} testId="whatsapp-action-error" />
      </div>

      <CardNoteFooter more={simulator && t.rich('connection.simulatorNote', { link: linkChunks('/dev/phone', 'open-dev-phone') })}>
        {t.rich('connection.liveNote', { link: linkChunks('/settings/import') })}
      </CardNoteFooter>

      <ConfirmDialog
        open={confirmOpen}
        tone="danger"
        title={t('connection.disconnectTitle')}
        confirmLabel={t('connection.disconnectConfirm')}
        confirmTestId="whatsapp-disconnect-confirm"
        pending={disconnect.isPending}
        onConfirm={() => stop(logoutToo)}
        onCancel={() => setConfirmOpen(false)}
      >
        <p>{t('connection.disconnectBody')}</p>
        <Switch
          label={t('connection.logoutToo')}
          hint={t('connection.logoutTooHint')}
          checked={logoutToo}
          onChange={(event) => setLogoutToo(event.target.checked)}
          data-testid="whatsapp-logout-too"
        />
      </ConfirmDialog>
    </Card>
  )
}

function ConnectionBody({
  view,
  canManage,
  connectButton,
  onCancel,
  cancelling,
  onDisconnect,
}: {
  view: WhatsAppStatusView
  canManage: boolean
  connectButton: (testId: 'whatsapp-connect' | 'whatsapp-retry', label: string) => React.ReactNode
  onCancel: () => void
  cancelling: boolean
  onDisconnect: () => void
}) {
  const t = useTranslations('whatsapp')
  const askAdmin = !canManage && (
    <p className="text-sm text-slate-500" data-testid="whatsapp-ask-admin">
      {t('connection.askAdmin')}
    </p>
  )

  switch (view.status) {
    case 'CONNECTED':
      return (
        <WhatsAppConnectedDetails
          view={view}
          action={
            canManage && (
              <Button variant="secondary" onClick={onDisconnect} data-testid="whatsapp-disconnect">
                {t('connection.disconnect')}
              </Button>
            )
          }
        />
      )

    case 'QR_CODE_PENDING':
      return (
        <div className="space-y-4">
          {view.qrCode ? (
            <WhatsAppQrPanel qr={view.qrCode} />
          ) : canManage ? (
            <Waiting text={t('connection.waitingQr')} />
          ) : (
            <p className="text-sm text-slate-600" data-testid="whatsapp-admin-must-scan">
              {t('connection.adminMustScan')}
            </p>
          )}
          {canManage && (
            <Button variant="ghost" size="sm" onClick={onCancel} disabled={cancelling} data-testid="whatsapp-cancel">
              {t('connection.cancel')}
            </Button>
          )}
        </div>
      )

    case 'CONNECTING':
      return (
        <div className="space-y-4">
          {view.reconnect ? (
            <>
              <Alert
                tone="warning"
                title={t('connection.reconnecting', { attempt: view.reconnect.attempt, max: view.reconnect.max })}
                data-testid="whatsapp-reconnecting"
              >
                {t('connection.reconnectingHint')}
              </Alert>
              {view.errorCode && <WhatsAppErrorExplanation code={view.errorCode} detail={view.errorMessage} tone="warning" />}
            </>
          ) : view.linkedAt ? (
            <Alert tone="info" title={t('engine.linked')} data-testid="whatsapp-linked">
              {t('engine.linkedHint')}
            </Alert>
          ) : (
            <Waiting text={t('connection.starting')} />
          )}
          {canManage && (
            <Button variant="ghost" size="sm" onClick={onCancel} disabled={cancelling} data-testid="whatsapp-cancel">
              {t('connection.stop')}
            </Button>
          )}
        </div>
      )

    case 'ERROR':
      return (
        <div className="space-y-4">
          <WhatsAppErrorExplanation
            code={view.errorCode ?? 'UNKNOWN'}
            detail={view.errorMessage}
            action={connectButton('whatsapp-retry', t('connection.connectAgain'))}
          />
          {askAdmin}
        </div>
      )

    case 'DISCONNECTED':
      if (view.errorCode === 'QR_EXPIRED') {
        return (
          <div className="space-y-4">
            <WhatsAppErrorExplanation code="QR_EXPIRED" tone="info" action={connectButton('whatsapp-retry', t('connection.retryQr'))} />
            {askAdmin}
          </div>
        )
      }
      return (
        <div className="space-y-4">
          {view.errorCode && <WhatsAppErrorExplanation code={view.errorCode} detail={view.errorMessage} />}
          <div className="flex flex-col gap-4 rounded-xl border border-dashed border-slate-200 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="space-y-1">
              <p className="text-sm font-semibold text-slate-900">{t('connection.notConnectedTitle')}</p>
              <p className="text-sm text-slate-500">{t('connection.notConnectedBody')}</p>
            </div>
            {connectButton('whatsapp-connect', t('connection.connect'))}
          </div>
          {askAdmin}
        </div>
      )
  }
}

function Waiting({ text }: { text: string }) {
  return (
    <div className="flex items-center gap-3 rounded-xl bg-slate-50 px-4 py-6 text-sm text-slate-600" aria-busy data-testid="whatsapp-waiting">
      <SpinnerIcon className="size-5 text-brand-600" />
      {text}
    </div>
  )
}
