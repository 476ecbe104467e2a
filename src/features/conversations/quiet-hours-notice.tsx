'use client'

import { useFormatter, useTranslations } from 'next-intl'

/** Under an outgoing message held by quiet hours: when it will go (Message.quietUntil, set by the send worker). */
export function QuietHoursNotice({ message }: { message: { status: string; quietUntil: Date | string | null } }) {
  const t = useTranslations('conversations.quietHours')
  const format = useFormatter()
  if (message.status !== 'PENDING' || !message.quietUntil) return null
  const at = new Date(message.quietUntil)
  return (
    <p className="mt-1 max-w-[85%] text-right text-xs text-slate-500 sm:max-w-[70%]" data-testid="message-quiet-hours" data-until={at.toISOString()}>
      {t('waits', { at: format.dateTime(at, { dateStyle: 'short', timeStyle: 'short' }) })}
    </p>
  )
}
