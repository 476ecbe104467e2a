'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Badge } from '~/components/badge'
import { Button } from '~/components/button'
import { Card, CardHeader } from '~/components/card'
import { Field, Input } from '~/components/input'
import { formatPhone } from '~/components/phone-text'
import { WhatsAppStatusBadge } from '../whatsapp/whatsapp-status-badge'
import type { WhatsAppStatusView } from '../whatsapp/whatsapp-types'
import type { PhoneActions, PhoneState } from './use-phone-state'
import { DetailList, type DetailRow } from '~/components/detail-list'

/** The business's own phone: is a device linked, is the number banned, is the network up; and QA's levers. */
export function BusinessPhonePanel({ state, status, actions }: { state: PhoneState; status: WhatsAppStatusView | null; actions: PhoneActions }) {
  const t = useTranslations('devPhone.business')
  const [qr, setQr] = useState('')
  const [scanPhone, setScanPhone] = useState('')
  const [pushName, setPushName] = useState('')
  const qrOnScreen = status?.status === 'QR_CODE_PENDING' && Boolean(status.qrCode)

  const rows: DetailRow[] = [
    [t('linked'), state.linked ? <Badge tone="green">{t('yes')}</Badge> : <Badge tone="gray">{t('no')}</Badge>, 'phone-linked'],
    [
      t('number'),
      <span key="n" dir="ltr" className="tabular-nums">
        {formatPhone(state.phone) ?? '—'}
      </span>,
      'phone-number',
    ],
    [t('pushName'), state.pushName ?? '—', 'phone-push-name'],
    [t('banned'), state.banned ? <Badge tone="red">{t('yes')}</Badge> : <Badge tone="gray">{t('no')}</Badge>, 'phone-banned'],
    [t('network'), state.networkDown ? <Badge tone="red">{t('networkDown')}</Badge> : <Badge tone="green">{t('networkUp')}</Badge>, 'phone-network-state'],
    [
      t('pending'),
      <span key="p" className="tabular-nums">
        {state.pendingMessages}
      </span>,
      'phone-pending',
    ],
  ]

  return (
    <Card>
      <CardHeader title={t('title')} actions={status && <WhatsAppStatusBadge status={status.status} />} />
      <DetailList
        rows={rows}
        className="px-4 sm:px-5"
        rowClassName="items-center py-2.5"
        data-testid="phone-state"
        data-linked={state.linked}
        data-banned={state.banned}
        data-network-down={state.networkDown}
      />

      <div className="space-y-4 border-t border-slate-100 p-4 sm:p-5">
        <div className="space-y-2">
          <Button
            className="w-full"
            onClick={() => actions.scan.mutate({ qr: qr.trim() || undefined, phone: scanPhone.trim() || undefined, pushName: pushName.trim() || undefined })}
            disabled={actions.scan.isPending}
            data-testid="phone-scan"
          >
            {t('scan')}
          </Button>
          <p className="text-xs text-slate-500" data-testid="phone-qr-hint">
            {qrOnScreen ? t('qrOnScreen') : t('noQrOnScreen')}
          </p>
          <details className="rounded-lg border border-slate-200 px-3 py-2 text-sm">
            <summary className="cursor-pointer font-medium text-slate-700 select-none">{t('scanOptions')}</summary>
            <div className="mt-3 space-y-3">
              <Field label={t('pasteQr')} htmlFor="phone-qr">
                <Input id="phone-qr" value={qr} onChange={(e) => setQr(e.target.value)} placeholder={t('pasteQrPlaceholder')} data-testid="phone-qr-input" />
              </Field>
              <Field label={t('scanAsNumber')} htmlFor="phone-scan-number">
                <Input id="phone-scan-number" value={scanPhone} onChange={(e) => setScanPhone(e.target.value)} inputMode="tel" placeholder="+996 555 000 111" />
              </Field>
              <Field label={t('scanAsName')} htmlFor="phone-scan-name">
                <Input id="phone-scan-name" value={pushName} onChange={(e) => setPushName(e.target.value)} placeholder="Soul Demo Shop" />
              </Field>
            </div>
          </details>
        </div>

        <div className="grid grid-cols-2 gap-2">
          <Button variant="secondary" onClick={() => actions.logout.mutate(undefined)} disabled={actions.logout.isPending} data-testid="phone-logout">
            {t('logout')}
          </Button>
          {state.banned ? (
            <Button
              variant="secondary"
              onClick={() => actions.unban.mutate(undefined)}
              disabled={actions.unban.isPending}
              data-testid="phone-ban"
              data-banned="true"
            >
              {t('unban')}
            </Button>
          ) : (
            <Button variant="danger" onClick={() => actions.ban.mutate(undefined)} disabled={actions.ban.isPending} data-testid="phone-ban" data-banned="false">
              {t('ban')}
            </Button>
          )}
          <Button
            variant="secondary"
            className="col-span-2"
            onClick={() => actions.setNetwork.mutate({ up: state.networkDown })}
            disabled={actions.setNetwork.isPending}
            data-testid="phone-network"
            data-network-down={state.networkDown}
          >
            {state.networkDown ? t('bringNetworkUp') : t('takeNetworkDown')}
          </Button>
        </div>

        <CountLever
          inputId="phone-fail-count"
          buttonTestId="phone-fail-next"
          label={t('failNext')}
          button={t('failNextButton')}
          min={1}
          max={10}
          initial="1"
          pending={actions.failNextSends.isPending}
          onSubmit={(count) => actions.failNextSends.mutate({ count })}
        />
        {actions.failNextSends.isSuccess && <p className="text-xs text-slate-500">{t('failNextDone', { count: actions.failNextSends.variables.count })}</p>}
      </div>
      <RealWhatsAppLevers actions={actions} />
    </Card>
  )
}

/** What real WhatsApp does that a happy path never shows: notices, a failing ack, a stalled login, an idle QR. */
function RealWhatsAppLevers({ actions }: { actions: PhoneActions }) {
  const t = useTranslations('devPhone.engine')
  const [noticeFrom, setNoticeFrom] = useState('+996 700 000 111')
  const done =
    (actions.sendNotice.isSuccess && t('noticeDone')) ||
    (actions.failNextAcks.isSuccess && t('failAckDone')) ||
    (actions.stallLogins.isSuccess && t('stallDone', { count: actions.stallLogins.variables.count })) ||
    (actions.expireQr.isSuccess && t('expireQrDone')) ||
    null
  return (
    <div className="space-y-3 border-t border-slate-100 p-4 sm:p-5" data-testid="phone-real-whatsapp">
      <p className="text-sm font-semibold text-slate-900">{t('title')}</p>
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault()
          actions.sendNotice.mutate({ from: noticeFrom, kind: 'e2e_notification' })
        }}
      >
        <Field label={t('noticeFrom')} htmlFor="phone-notice-from" className="flex-1">
          <Input id="phone-notice-from" value={noticeFrom} onChange={(e) => setNoticeFrom(e.target.value)} inputMode="tel" data-testid="phone-notice-from" />
        </Field>
        <Button type="submit" variant="secondary" disabled={actions.sendNotice.isPending} data-testid="phone-send-notice">
          {t('sendNotice')}
        </Button>
      </form>
      <CountLever
        inputId="phone-stall-count"
        buttonTestId="phone-stall-logins"
        label={t('stallCount')}
        button={t('stallLogins')}
        min={0}
        max={5}
        initial="2"
        pending={actions.stallLogins.isPending}
        onSubmit={(count) => actions.stallLogins.mutate({ count })}
      />
      <div className="grid grid-cols-2 gap-2">
        <Button
          variant="secondary"
          onClick={() => actions.failNextAcks.mutate({ count: 1 })}
          disabled={actions.failNextAcks.isPending}
          data-testid="phone-fail-ack"
        >
          {t('failAck')}
        </Button>
        <Button variant="secondary" onClick={() => actions.expireQr.mutate(undefined)} disabled={actions.expireQr.isPending} data-testid="phone-expire-qr">
          {t('expireQr')}
        </Button>
      </div>
      {done && <p className="text-xs text-slate-500">{done}</p>}
    </div>
  )
}

/** "Do this to the next N": a small number field and its button (failing sends, stalled logins). */
function CountLever({
  inputId,
  buttonTestId,
  label,
  button,
  min,
  max,
  initial,
  pending,
  onSubmit,
}: {
  inputId: string
  buttonTestId: string
  label: string
  button: string
  min: number
  max: number
  initial: string
  pending: boolean
  onSubmit: (count: number) => void
}) {
  const [count, setCount] = useState(initial)
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit(Number(count))
      }}
    >
      <Field label={label} htmlFor={inputId} className="w-28">
        <Input id={inputId} type="number" min={min} max={max} value={count} onChange={(e) => setCount(e.target.value)} data-testid={inputId} />
      </Field>
      <Button type="submit" variant="secondary" className="flex-1" disabled={pending} data-testid={buttonTestId}>
        {button}
      </Button>
    </form>
  )
}
