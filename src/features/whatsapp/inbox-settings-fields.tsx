'use client'

/** The inbox part of the WhatsApp settings form: read receipts and the "waiting for reply" colour thresholds. */
import { useTranslations } from 'next-intl'
import { Switch } from '~/components/switch'
import { WAITING_BOUNDS, type InboxSettings } from '~/shared/whatsapp-settings'
import { SettingsNumberField } from './settings-number-field'

export interface InboxFormValues {
  sendReadReceipts: boolean
  waitingAmberMinutes: string
  waitingRedMinutes: string
}

export function inboxToForm(inbox: InboxSettings): InboxFormValues {
  return {
    sendReadReceipts: inbox.sendReadReceipts,
    waitingAmberMinutes: String(inbox.waitingAmberMinutes),
    waitingRedMinutes: String(inbox.waitingRedMinutes),
  }
}

/** An empty or non-numeric field becomes NaN, which the server refuses with a field error. */
export function inboxToSettings(values: InboxFormValues): InboxSettings {
  const n = (value: string) => (value.trim() === '' ? Number.NaN : Number(value))
  return {
    sendReadReceipts: values.sendReadReceipts,
    waitingAmberMinutes: n(values.waitingAmberMinutes),
    waitingRedMinutes: n(values.waitingRedMinutes),
  }
}

export function InboxSettingsFields({
  values,
  onChange,
  fieldErrors,
  disabled,
}: {
  values: InboxFormValues
  onChange: (values: InboxFormValues) => void
  fieldErrors: Record<string, string[] | undefined>
  disabled: boolean
}) {
  const t = useTranslations('whatsapp.settings')
  const minutesField = (field: 'waitingAmberMinutes' | 'waitingRedMinutes', max: number) => (
    <SettingsNumberField
      id={`settings-${field}`}
      label={t(`fields.${field}`)}
      hint={t('minutesHint', { max })}
      value={values[field]}
      onChange={(value) => onChange({ ...values, [field]: value })}
      error={fieldErrors[`inbox.${field}`]?.[0]}
      disabled={disabled}
    />
  )
  return (
    <section className="space-y-3 border-t border-slate-100 pt-5" data-testid="settings-inbox">
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t('inboxTitle')}</h3>
        <p className="text-sm text-slate-500">{t('inboxDescription')}</p>
      </div>
      <div className="space-y-4">
        <Switch
          label={t('fields.sendReadReceipts')}
          hint={t('hints.sendReadReceipts')}
          checked={values.sendReadReceipts}
          onChange={(event) => onChange({ ...values, sendReadReceipts: event.target.checked })}
          disabled={disabled}
          data-testid="settings-sendReadReceipts"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          {minutesField('waitingAmberMinutes', WAITING_BOUNDS.amberMaxMinutes)}
          {minutesField('waitingRedMinutes', WAITING_BOUNDS.redMaxMinutes)}
        </div>
      </div>
    </section>
  )
}
