import { useTranslations } from 'next-intl'
import { Alert } from '~/components/alert'
import { isWhatsAppErrorCode, type WhatsAppErrorCode } from '~/shared/whatsapp-error-codes'

/** The localized title and explanation for an error code (unknown codes get the generic one). */
export function useErrorExplanation() {
  const t = useTranslations('whatsapp.errors')
  return (code: string) => {
    const key: WhatsAppErrorCode = isWhatsAppErrorCode(code) ? code : 'UNKNOWN'
    return { title: t(`${key}.title`), body: t(`${key}.body`) }
  }
}

/**
 * What went wrong with the connection, in plain words, and what to do; the technical detail from the
 * engine (English) is tucked away for whoever needs it.
 */
export function WhatsAppErrorExplanation({
  code,
  detail,
  tone = 'error',
  action,
}: {
  code: string
  detail?: string | null
  tone?: 'error' | 'warning' | 'info'
  action?: React.ReactNode
}) {
  const t = useTranslations('whatsapp')
  const explain = useErrorExplanation()
  const { title, body } = explain(code)
  return (
    <Alert tone={tone} title={title} data-testid="whatsapp-error" data-code={code} action={action}>
      <p>{body}</p>
      {detail && (
        <details className="mt-1 text-xs opacity-80">
          <summary className="cursor-pointer select-none">{t('technicalDetails')}</summary>
          <p className="mt-1 font-mono break-all">{detail}</p>
        </details>
      )}
    </Alert>
  )
}
