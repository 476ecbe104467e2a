'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { Card, CardHeader } from '~/components/card'
import { SpinnerIcon } from '~/components/icons'
import { LoadingLine } from '~/components/loading-line'
import { QueryErrorAlert } from '~/components/query-error-alert'
import { useDateFormatter } from '~/components/use-date-formatter'
import { GOVERNOR_BOUNDS, type WhatsAppSettings } from '~/shared/whatsapp-settings'
import { useTRPC } from '~/trpc/react'
import { useGovernorReason } from './governor-banner'
import { SettingsNumberField } from './settings-number-field'

type Rule = WhatsAppSettings['governor']
type RuleField = keyof Rule
const RULE_FIELDS = Object.keys(GOVERNOR_BOUNDS) as RuleField[]

const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`)

/**
 * The sending governor on the WhatsApp settings page: the current window's figures against the rule,
 * the rule itself (admins tune it within safe bounds), and the log of pauses and resumes. The pause
 * banner and its Resume button are the shell's (governor-banner.tsx); its live events refresh this card.
 */
export function GovernorCard({ canManage }: { canManage: boolean }) {
  const t = useTranslations('whatsapp.governor')
  const trpc = useTRPC()
  const status = useQuery(trpc.whatsapp.governor.status.queryOptions())
  const history = useQuery(trpc.whatsapp.governor.history.queryOptions({ limit: 10 }))

  return (
    <Card data-testid="governor-card">
      <CardHeader title={t('title')} subtitle={t('description')} />
      <div className="space-y-5 p-4 sm:p-5">
        {status.isPending ? (
          <LoadingLine>{t('loading')}</LoadingLine>
        ) : status.isError ? (
          <QueryErrorAlert error={status.error} onRetry={status.refetch} />
        ) : (
          <>
            <p className="text-sm" data-testid="governor-state" data-paused={status.data.state.paused}>
              {status.data.state.paused ? t('statePaused') : t('stateRunning')}
            </p>
            <Figures figures={status.data.figures} rule={status.data.rule} />
            <RuleForm key={JSON.stringify(status.data.rule)} saved={status.data.rule} canManage={canManage} />
          </>
        )}
        <History items={history.data ?? []} />
      </div>
    </Card>
  )
}

function Figures({
  figures,
  rule,
}: {
  figures: { answered: number; failed: number; notOnWhatsApp: number; matured: number; undelivered: number; replyMatured: number; replied: number }
  rule: Rule
}) {
  const t = useTranslations('whatsapp.governor')
  const rows = [
    { key: 'failed', value: pct(figures.failed, figures.answered), of: figures.answered, limit: `> ${rule.maxFailedPercent}%` },
    { key: 'notOnWhatsApp', value: pct(figures.notOnWhatsApp, figures.answered), of: figures.answered, limit: `> ${rule.maxNotOnWhatsAppPercent}%` },
    { key: 'undelivered', value: pct(figures.undelivered, figures.matured), of: figures.matured, limit: `> ${rule.maxUndeliveredPercent}%` },
    {
      key: 'replied',
      value: pct(figures.replied, figures.replyMatured),
      of: figures.replyMatured,
      limit: rule.minReplyPercent > 0 ? `< ${rule.minReplyPercent}%` : t('off'),
    },
  ] as const
  return (
    <table className="w-full text-sm" data-testid="governor-figures">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="py-1 font-medium">{t('figures.measure')}</th>
          <th className="py-1 font-medium">{t('figures.now')}</th>
          <th className="py-1 font-medium">{t('figures.sample')}</th>
          <th className="py-1 font-medium">{t('figures.pausesAt')}</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-100">
            <td className="py-1.5">{t(`figures.${row.key}`)}</td>
            <td className="py-1.5">{row.value}</td>
            <td className="py-1.5">{row.of < rule.minSample ? t('figures.tooFew', { n: row.of, min: rule.minSample }) : row.of}</td>
            <td className="py-1.5">{row.limit}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function RuleForm({ saved, canManage }: { saved: Rule; canManage: boolean }) {
  const t = useTranslations('whatsapp.governor')
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [values, setValues] = useState<Record<RuleField, string>>(
    () => Object.fromEntries(RULE_FIELDS.map((f) => [f, String(saved[f])])) as Record<RuleField, string>,
  )
  const update = useMutation(
    trpc.whatsapp.settings.update.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.whatsapp.governor.pathFilter())
        void queryClient.invalidateQueries(trpc.whatsapp.settings.pathFilter())
      },
    }),
  )
  const fieldErrors = update.error?.data?.zodError?.fieldErrors ?? {}
  const dirty = RULE_FIELDS.some((f) => values[f] !== String(saved[f]))
  return (
    <form
      noValidate
      className="space-y-3 border-t border-slate-100 pt-4"
      onSubmit={(event) => {
        event.preventDefault()
        if (!canManage) return
        const governor = Object.fromEntries(RULE_FIELDS.map((f) => [f, values[f].trim() === '' ? Number.NaN : Number(values[f])])) as Rule
        update.mutate({ governor })
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">{t('ruleTitle')}</h3>
      <div className="grid gap-4 sm:grid-cols-3">
        {RULE_FIELDS.map((field) => (
          <SettingsNumberField
            key={field}
            id={`governor-${field}`}
            label={t(`fields.${field}`)}
            hint={t('boundsHint', { min: GOVERNOR_BOUNDS[field].min, max: GOVERNOR_BOUNDS[field].max })}
            value={values[field]}
            onChange={(value) => setValues((current) => ({ ...current, [field]: value }))}
            error={fieldErrors[`governor.${field}`]?.[0]}
            disabled={!canManage}
          />
        ))}
      </div>
      {update.error && Object.keys(fieldErrors).length === 0 && <Alert tone="error">{update.error.message}</Alert>}
      {canManage && (
        <div className="flex justify-end">
          <Button type="submit" disabled={!dirty || update.isPending} data-testid="governor-save">
            {update.isPending && <SpinnerIcon className="size-4" />}
            {t('save')}
          </Button>
        </div>
      )}
    </form>
  )
}

interface HistoryItem {
  id: string
  action: 'PAUSED' | 'RESUMED'
  actorName: string | null
  actorUserId: string | null
  reason: string
  figures: unknown
  createdAt: Date
}

function History({ items }: { items: HistoryItem[] }) {
  const t = useTranslations('whatsapp.governor')
  const format = useDateFormatter()
  const reason = useGovernorReason()
  return (
    <section className="space-y-2 border-t border-slate-100 pt-4">
      <h3 className="text-sm font-semibold text-slate-900">{t('historyTitle')}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{t('historyEmpty')}</p>
      ) : (
        <ul className="space-y-1.5 text-sm" data-testid="governor-history">
          {items.map((item) => {
            const stored = item.figures as { trip?: Parameters<typeof reason>[0] } | null
            const when = format.dateTime(new Date(item.createdAt), { dateStyle: 'medium', timeStyle: 'short' })
            return (
              <li key={item.id} data-action={item.action}>
                <span className="tabular-nums text-slate-500">{when}</span>{' '}
                {item.action === 'PAUSED'
                  ? `${t('historyPaused')}: ${stored?.trip ? reason(stored.trip) : item.reason}`
                  : t('historyResumed', { name: item.actorName ?? '—' })}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
