'use client'

import { useTranslations } from 'next-intl'
import QRCode from 'react-qr-code'
import { Alert } from '~/components/alert'

const bold = (chunks: React.ReactNode) => <strong className="font-semibold text-slate-800">{chunks}</strong>

/**
 * The import session's own QR (not the live connection's) and how to scan it. The raw string is on
 * `data-qr`, so tests and /dev/phone can read exactly what is shown.
 */
export function ImportQrPanel({ qr }: { qr: string }) {
  const t = useTranslations('import.qr')
  const steps = [t('step1'), t.rich('step2', { b: bold }), t.rich('step3', { b: bold }), t('step4')]
  return (
    <div className="space-y-4">
      <Alert tone="info" data-testid="import-qr-note">
        {t('separate')}
      </Alert>
      <div className="flex flex-col items-center gap-6 sm:flex-row sm:items-start">
        <div
          data-testid="import-qr"
          data-qr={qr}
          className="shrink-0 rounded-xl border border-slate-200 bg-white p-3 shadow-sm"
          role="img"
          aria-label={t('label')}
        >
          <QRCode value={qr} size={208} level="M" className="block h-auto w-52 max-w-full" />
        </div>
        <div className="min-w-0 flex-1 space-y-3">
          <h3 className="text-base font-semibold text-slate-900">{t('title')}</h3>
          <ol className="space-y-2.5 text-sm text-slate-600">
            {steps.map((step, index) => (
              <li key={index} className="flex gap-3">
                <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700">
                  {index + 1}
                </span>
                <span className="pt-0.5">{step}</span>
              </li>
            ))}
          </ol>
          <p className="text-xs text-slate-500">{t('expires')}</p>
        </div>
      </div>
    </div>
  )
}
