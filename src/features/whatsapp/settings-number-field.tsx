import { cx } from '~/components/class-names'
import { fieldClasses } from '~/components/input'

/** A whole-number field with its label, a hint about safe values and the server's error under it. */
export function SettingsNumberField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  disabled,
  risky,
}: {
  id: string
  label: string
  hint: string
  value: string
  onChange: (value: string) => void
  error?: string
  disabled?: boolean
  risky?: boolean
}) {
  const describedBy = error ? `${id}-error` : `${id}-hint`
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={id}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy}
        data-testid={id}
        className={cx(
          fieldClasses,
          'h-10 tabular-nums',
          error && 'border-red-400 focus:border-red-500 focus:ring-red-500/20',
          !error && risky && 'border-amber-400',
        )}
      />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700" data-testid="settings-field-error" data-field={id}>
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  )
}
