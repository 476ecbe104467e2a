'use client'

import { useTranslations } from 'next-intl'
import { Alert } from '~/components/alert'
import { boldChunks, QrScanPanel } from '~/components/qr-scan-panel'

/** The import session's own QR (not the live connection's) and how to scan it. */
export function ImportQrPanel({ qr }: { qr: string }) {
  const t = useTranslations('import.qr')
  return (
    <div className="space-y-4">
      <Alert tone="info" data-testid="import-qr-note">
        {t('separate')}
      </Alert>
      <QrScanPanel
        qr={qr}
        testId="import-qr"
        label={t('label')}
        title={t('title')}
        steps={[t('step1'), t.rich('step2', { b: boldChunks }), t.rich('step3', { b: boldChunks }), t('step4')]}
        footnote={t('expires')}
      />
    </div>
  )
}
