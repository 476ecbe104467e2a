import { useTranslations } from 'next-intl'
import { cx } from '~/components/class-names'

/** The logo mark and the app name. */
export function Brand({ className, size = 'md' }: { className?: string; size?: 'md' | 'lg' }) {
  const t = useTranslations('app')
  return (
    <span className={cx('flex items-center gap-2.5', className)}>
      <span
        className={cx(
          'flex shrink-0 items-center justify-center rounded-xl bg-gradient-to-br from-brand-400 to-brand-700 text-white shadow-sm',
          size === 'md' ? 'size-8' : 'size-11',
        )}
      >
        <svg aria-hidden viewBox="0 0 24 24" className={size === 'md' ? 'size-5' : 'size-7'} fill="currentColor">
          <path d="M12 3.5c-4.8 0-8.5 3.4-8.5 7.8 0 2 .8 3.8 2.1 5.2L5 20l3.8-1.6c1 .4 2.1.6 3.2.6 4.8 0 8.5-3.4 8.5-7.8S16.8 3.5 12 3.5Zm-3.6 9.1a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6Zm3.6 0a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6Zm3.6 0a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6Z" />
        </svg>
      </span>
      <span className={cx('font-semibold tracking-tight text-slate-900', size === 'md' ? 'text-base' : 'text-xl')}>{t('name')}</span>
    </span>
  )
}
