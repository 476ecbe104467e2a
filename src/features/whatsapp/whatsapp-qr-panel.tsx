'use client'

import { useTranslations } from 'next-intl'
import { boldChunks, QrScanPanel } from '~/components/qr-scan-panel'

/** The live connection's QR and how to scan it; it changes by itself as WhatsApp rotates it. */
export function WhatsAppQrPanel({ qr }: { qr: string }) {
  const t = useTranslations('whatsapp.qr')
  return (
    <QrScanPanel
      qr={qr}
      testId="whatsapp-qr"
      label={t('label')}
      title={t('title')}
      steps={[t('step1'), t.rich('step2', { b: boldChunks }), t.rich('step3', { b: boldChunks }), t('step4')]}
      footnote={t('refreshes')}
    />
  )
}
