'use client'

import QRCode from 'react-qr-code'

/**
 * A QR to scan beside numbered steps (the live connection's and the import's). The raw string is on
 * `data-qr`, so tests and /dev/phone can read exactly what is shown.
 */
export function QrScanPanel({
  qr,
  testId,
  label,
  title,
  steps,
  footnote,
}: {
  qr: string
  testId: string
  label: string
  title: React.ReactNode
  steps: React.ReactNode[]
  footnote: React.ReactNode
}) {
  return (
    <div className="flex flex-col items-center gap-6 sm:flex-row sm:items-start">
      <div data-testid={testId} data-qr={qr} className="shrink-0 rounded-xl border border-slate-200 bg-white p-3 shadow-sm" role="img" aria-label={label}>
        <QRCode value={qr} size={208} level="M" className="block h-auto w-52 max-w-full" />
      </div>
      <div className="min-w-0 flex-1 space-y-3">
        <h3 className="text-base font-semibold text-slate-900">{title}</h3>
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
        <p className="text-xs text-slate-500">{footnote}</p>
      </div>
    </div>
  )
}

/** Bold text inside a translated step (`<b>…</b>` in messages). */
export const boldChunks = (chunks: React.ReactNode) => <strong className="font-semibold text-slate-800">{chunks}</strong>
