'use client'

import { useTranslations } from 'next-intl'
import { Button } from '~/components/button'
import { SpinnerIcon } from '~/components/icons'
import { Switch } from '~/components/switch'
import { importOptionNames, type ImportOptionName, type ImportOptionValues } from './import-types'

/** The six switches of a history import, each with a one-line explanation, and the Start button. */
export function ImportOptionsForm({
  values,
  onChange,
  onStart,
  pending,
}: {
  values: ImportOptionValues
  onChange: (values: ImportOptionValues) => void
  onStart: () => void
  pending: boolean
}) {
  const t = useTranslations('import')
  const set = (name: ImportOptionName, on: boolean) => {
    const next = { ...values, [name]: on }
    // AI detection refines status detection; without it there is nothing to refine.
    if (name === 'detectStatus' && !on) next.useLLMStatusDetection = false
    onChange(next)
  }
  return (
    <form
      className="space-y-4"
      data-testid="import-options"
      onSubmit={(event) => {
        event.preventDefault()
        onStart()
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">{t('history.optionsTitle')}</h3>
      <div className="grid gap-4 sm:grid-cols-2">
        {importOptionNames.map((name) => (
          <Switch
            key={name}
            label={t(`options.${name}.label`)}
            hint={t(`options.${name}.hint`)}
            checked={values[name]}
            disabled={pending || (name === 'useLLMStatusDetection' && !values.detectStatus)}
            onChange={(event) => set(name, event.target.checked)}
            data-testid={`import-option-${name}`}
          />
        ))}
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} data-testid="import-start" className="w-full sm:w-auto">
          {pending && <SpinnerIcon className="size-4" />}
          {values.dryRun ? t('history.startDryRun') : t('history.start')}
        </Button>
      </div>
    </form>
  )
}
