'use client'

import { QueryErrorAlert } from '~/components/query-error-alert'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { Card, CardHeader } from '~/components/card'
import { CheckCircleIcon, SpinnerIcon } from '~/components/icons'
import { Switch } from '~/components/switch'
import { LoadingLine } from '~/components/loading-line'
import { RISK_THRESHOLDS, SAFE_BOUNDS, settingsWarnings, type WhatsAppSettings } from '~/shared/whatsapp-settings'
import { useTRPC } from '~/trpc/react'
import { InboxSettingsFields, inboxToForm, inboxToSettings, type InboxFormValues } from './inbox-settings-fields'
import { SettingsClockField } from './settings-clock-fields'
import { SettingsNumberField } from './settings-number-field'
import { WarmUpPanel } from './warm-up-panel'

type NumberField = 'messagesPerMinute' | 'messagesPerHour' | 'messagesPerDay' | 'concurrency' | 'maxBatchSize'
const rateFields = ['messagesPerMinute', 'messagesPerHour', 'messagesPerDay', 'concurrency'] as const

interface FormValues {
  numbers: Record<NumberField, string>
  enableMassSending: boolean
  requireConfirmation: boolean
  inbox: InboxFormValues
  timeZone: string
  quietHours: { enabled: boolean; start: string; end: string }
  warmUpEnabled: boolean
  /** Edited in its own card (governor-settings-card.tsx): kept as saved. */
  governor: WhatsAppSettings['governor']
}

function toForm(settings: WhatsAppSettings): FormValues {
  const r = settings.rateLimiting
  const s = settings.safety
  return {
    numbers: {
      messagesPerMinute: String(r.messagesPerMinute),
      messagesPerHour: String(r.messagesPerHour),
      messagesPerDay: String(r.messagesPerDay),
      concurrency: String(r.concurrency),
      maxBatchSize: String(s.maxBatchSize),
    },
    enableMassSending: s.enableMassSending,
    requireConfirmation: s.requireConfirmation,
    inbox: inboxToForm(settings.inbox),
    timeZone: settings.timeZone,
    quietHours: { ...settings.quietHours },
    warmUpEnabled: settings.warmUp.enabled,
    governor: settings.governor,
  }
}

/** What the form holds, as settings; an empty or non-numeric field becomes NaN, which the server refuses with a field error. */
function toSettings(values: FormValues, saved: WhatsAppSettings): WhatsAppSettings {
  const n = (field: NumberField) => (values.numbers[field].trim() === '' ? Number.NaN : Number(values.numbers[field]))
  return {
    rateLimiting: {
      messagesPerMinute: n('messagesPerMinute'),
      messagesPerHour: n('messagesPerHour'),
      messagesPerDay: n('messagesPerDay'),
      concurrency: n('concurrency'),
    },
    safety: { enableMassSending: values.enableMassSending, requireConfirmation: values.requireConfirmation, maxBatchSize: n('maxBatchSize') },
    inbox: inboxToSettings(values.inbox),
    timeZone: values.timeZone.trim(),
    quietHours: values.quietHours,
    warmUp: { ...saved.warmUp, enabled: values.warmUpEnabled },
    governor: values.governor,
  }
}

/** Limits & safety: sending pace, mass sending switches, time zone and quiet hours, warm-up. Admins edit; operators read. */
export function WhatsAppSettingsForm({ canManage }: { canManage: boolean }) {
  const t = useTranslations()
  const trpc = useTRPC()
  const query = useQuery(trpc.whatsapp.settings.get.queryOptions())
  // Kept here: saving re-keys the fields below, and "Saved" must survive that.
  const [justSaved, setJustSaved] = useState(false)

  return (
    <Card>
      <CardHeader title={t('whatsapp.settings.title')} />
      {query.isPending ? (
        <LoadingLine className="p-5">{t('common.loading')}</LoadingLine>
      ) : query.isError ? (
        <div className="p-5">
          <QueryErrorAlert error={query.error} onRetry={query.refetch} />
        </div>
      ) : (
        // Re-keyed by the saved values, so the form starts over from what the server stored.
        <SettingsFormFields
          key={JSON.stringify(query.data.settings)}
          saved={query.data.settings}
          canManage={canManage}
          justSaved={justSaved}
          setJustSaved={setJustSaved}
        />
      )}
    </Card>
  )
}

function SettingsFormFields({
  saved,
  canManage,
  justSaved,
  setJustSaved,
}: {
  saved: WhatsAppSettings
  canManage: boolean
  justSaved: boolean
  setJustSaved: (saved: boolean) => void
}) {
  const t = useTranslations('whatsapp.settings')
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [values, setValues] = useState(() => toForm(saved))
  const update = useMutation(
    trpc.whatsapp.settings.update.mutationOptions({
      onSuccess: (result) => {
        setJustSaved(true)
        queryClient.setQueryData(trpc.whatsapp.settings.get.queryKey(), result)
        void queryClient.invalidateQueries(trpc.whatsapp.quota.pathFilter())
        void queryClient.invalidateQueries(trpc.whatsapp.warmUp.pathFilter())
      },
    }),
  )

  const candidate = toSettings(values, saved)
  const warnings = settingsWarnings(candidate)
  const fieldErrors = update.error?.data?.zodError?.fieldErrors ?? {}
  const errorFor = (field: NumberField) => {
    const group = field === 'maxBatchSize' ? 'safety' : 'rateLimiting'
    return fieldErrors[`${group}.${field}`]?.[0]
  }
  const hasFieldError = Object.keys(fieldErrors).length > 0
  const dirty = JSON.stringify(toForm(saved)) !== JSON.stringify(values)

  const setNumber = (field: NumberField, value: string) => {
    setJustSaved(false)
    setValues((current) => ({ ...current, numbers: { ...current.numbers, [field]: value } }))
  }
  const setFlag = (field: 'enableMassSending' | 'requireConfirmation' | 'warmUpEnabled', value: boolean) => {
    setJustSaved(false)
    setValues((current) => ({ ...current, [field]: value }))
  }
  const setClock = (patch: Partial<Pick<FormValues, 'timeZone'>> & { quietHours?: Partial<FormValues['quietHours']> }) => {
    setJustSaved(false)
    setValues((current) => ({ ...current, ...patch, quietHours: { ...current.quietHours, ...patch.quietHours } }))
  }

  const numberField = (field: NumberField) => (
    <SettingsNumberField
      key={field}
      id={`settings-${field}`}
      label={t(`fields.${field}`)}
      hint={t('boundsHint', { risky: RISK_THRESHOLDS[field], max: SAFE_BOUNDS[field] })}
      value={values.numbers[field]}
      onChange={(value) => setNumber(field, value)}
      error={errorFor(field)}
      disabled={!canManage}
      risky={Number(values.numbers[field]) > RISK_THRESHOLDS[field]}
    />
  )

  return (
    <form
      data-testid="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (!canManage) return
        setJustSaved(false)
        update.mutate(candidate)
      }}
    >
      <div className="space-y-6 p-4 sm:p-5">
        {!canManage && (
          <Alert tone="info" data-testid="settings-read-only">
            {t('readOnly')}
          </Alert>
        )}

        <section className="space-y-3">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">{t('paceTitle')}</h3>
            <p className="text-sm text-slate-500">{t('paceDescription')}</p>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">{rateFields.map(numberField)}</div>
        </section>

        <section className="space-y-3 border-t border-slate-100 pt-5">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">{t('safetyTitle')}</h3>
            <p className="text-sm text-slate-500">{t('safetyDescription')}</p>
          </div>
          <div className="space-y-4">
            <Switch
              label={t('fields.enableMassSending')}
              hint={t('hints.enableMassSending')}
              checked={values.enableMassSending}
              onChange={(event) => setFlag('enableMassSending', event.target.checked)}
              disabled={!canManage}
              data-testid="settings-enableMassSending"
            />
            <Switch
              label={t('fields.requireConfirmation')}
              hint={t('hints.requireConfirmation')}
              checked={values.requireConfirmation}
              onChange={(event) => setFlag('requireConfirmation', event.target.checked)}
              disabled={!canManage}
              data-testid="settings-requireConfirmation"
            />
            <div className="sm:w-1/2 sm:pr-2">{numberField('maxBatchSize')}</div>
          </div>
        </section>

        <InboxSettingsFields
          values={values.inbox}
          onChange={(inbox) => {
            setJustSaved(false)
            setValues((current) => ({ ...current, inbox }))
          }}
          fieldErrors={fieldErrors}
          disabled={!canManage}
        />
        <section className="space-y-3 border-t border-slate-100 pt-5">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">{t('quietTitle')}</h3>
            <p className="text-sm text-slate-500">{t('quietDescription')}</p>
          </div>
          <div className="space-y-4">
            <div className="sm:w-1/2 sm:pr-2">
              <SettingsClockField
                id="settings-timeZone"
                type="zone"
                label={t('fields.timeZone')}
                hint={t('hints.timeZone')}
                value={values.timeZone}
                onChange={(timeZone) => setClock({ timeZone })}
                error={fieldErrors.timeZone?.[0]}
                disabled={!canManage}
              />
            </div>
            <Switch
              label={t('fields.quietHours')}
              hint={t('hints.quietHours')}
              checked={values.quietHours.enabled}
              onChange={(event) => setClock({ quietHours: { enabled: event.target.checked } })}
              disabled={!canManage}
              data-testid="settings-quietHours"
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <SettingsClockField
                id="settings-quietStart"
                type="time"
                label={t('fields.quietStart')}
                value={values.quietHours.start}
                onChange={(start) => setClock({ quietHours: { start } })}
                error={fieldErrors['quietHours.start']?.[0]}
                disabled={!canManage || !values.quietHours.enabled}
              />
              <SettingsClockField
                id="settings-quietEnd"
                type="time"
                label={t('fields.quietEnd')}
                value={values.quietHours.end}
                onChange={(end) => setClock({ quietHours: { end } })}
                error={fieldErrors['quietHours.end']?.[0]}
                disabled={!canManage || !values.quietHours.enabled}
              />
            </div>
          </div>
        </section>

        <section className="space-y-3 border-t border-slate-100 pt-5">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">{t('warmUpTitle')}</h3>
            <p className="text-sm text-slate-500">{t('warmUpDescription')}</p>
          </div>
          <WarmUpPanel canManage={canManage} />
          <Switch
            label={t('fields.warmUp')}
            hint={t('hints.warmUp')}
            checked={values.warmUpEnabled}
            onChange={(event) => setFlag('warmUpEnabled', event.target.checked)}
            disabled={!canManage}
            data-testid="settings-warmUp"
          />
        </section>

        {warnings.length > 0 && (
          <ul className="space-y-2" aria-live="polite">
            {warnings.map((warning) => (
              <li key={warning}>
                <Alert tone="warning" data-testid="settings-warning" data-warning={warning}>
                  {t(`warnings.${warning}`)}
                </Alert>
              </li>
            ))}
          </ul>
        )}

        {update.error && !hasFieldError && (
          <Alert tone="error" data-testid="settings-error">
            {update.error.message}
          </Alert>
        )}
      </div>

      {canManage && (
        <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-100 bg-slate-50/70 px-4 py-3 sm:px-5">
          {justSaved && !dirty && (
            <span className="mr-auto flex items-center gap-1.5 text-sm text-brand-700" data-testid="settings-saved" role="status">
              <CheckCircleIcon className="size-4" />
              {t('saved')}
            </span>
          )}
          {hasFieldError && (
            <span className="mr-auto text-sm text-red-700" role="alert">
              {t('fixErrors')}
            </span>
          )}
          <Button
            variant="ghost"
            disabled={!dirty || update.isPending}
            onClick={() => {
              update.reset()
              setValues(toForm(saved))
            }}
            data-testid="settings-reset"
          >
            {t('reset')}
          </Button>
          <Button type="submit" disabled={update.isPending || !dirty} data-testid="settings-save">
            {update.isPending && <SpinnerIcon className="size-4" />}
            {t('save')}
          </Button>
        </div>
      )}
    </form>
  )
}
