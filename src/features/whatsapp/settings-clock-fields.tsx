import { cx } from '~/components/class-names'
import { fieldClasses } from '~/components/input'

/** Zones offered in the picker; any IANA name may be typed (the server checks it). */
export const SUGGESTED_TIME_ZONES = ['Asia/Bishkek', 'Asia/Almaty', 'Asia/Tashkent', 'Asia/Dushanbe', 'Europe/Moscow', 'Europe/Istanbul', 'Asia/Dubai', 'UTC']

/** A text or time field of the send clock (time zone, quiet hours) with its label and the server's error. */
export function SettingsClockField({
  id,
  label,
  hint,
  type,
  value,
  onChange,
  error,
  disabled,
}: {
  id: string
  label: string
  hint?: string
  type: 'time' | 'zone'
  value: string
  onChange: (value: string) => void
  error?: string
  disabled?: boolean
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={id}
        type={type === 'time' ? 'time' : 'text'}
        list={type === 'zone' ? `${id}-zones` : undefined}
        maxLength={64}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        data-testid={id}
        className={cx(fieldClasses, 'h-10 tabular-nums', error && 'border-red-400 focus:border-red-500 focus:ring-red-500/20')}
      />
      {type === 'zone' && (
        <datalist id={`${id}-zones`}>
          {SUGGESTED_TIME_ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700" data-testid="settings-field-error" data-field={id}>
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        )
      )}
    </div>
  )
}
