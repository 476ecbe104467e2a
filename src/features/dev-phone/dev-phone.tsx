'use client'

import { QueryErrorAlert } from '~/components/query-error-alert'
import { useTranslations } from 'next-intl'
import { Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { LoadingLine } from '~/components/loading-line'
import { useCurrentUser } from '../shell/current-user'
import { isAdminRole } from '../shell/roles'
import { BusinessPhonePanel } from './business-phone-panel'
import { CustomerSimulator } from './customer-simulator'
import { PhoneOutbox } from './phone-outbox'
import { PhoneSidePanel } from './phone-side-panel'
import { RecipientBehaviourPanel } from './recipient-behaviour-panel'
import { usePhoneActions, usePhoneState } from './use-phone-state'

/** /dev/phone: QA's stand-in for the business phone and its customers, against the simulator engine. */
export function DevPhone() {
  const t = useTranslations()
  const { query, status } = usePhoneState()
  const actions = usePhoneActions()
  const admin = isAdminRole(useCurrentUser().role)

  if (query.isPending) {
    return <LoadingLine className="py-10">{t('common.loading')}</LoadingLine>
  }
  if (query.isError) {
    return <QueryErrorAlert error={query.error} onRetry={query.refetch} />
  }

  return (
    <div className="space-y-5">
      {actions.error && (
        <Alert
          tone="error"
          data-testid="phone-error"
          action={
            <Button variant="secondary" size="sm" onClick={actions.clearError}>
              {t('composer.dismiss')}
            </Button>
          }
        >
          {actions.error}
        </Alert>
      )}
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <div className="space-y-5">
          <BusinessPhonePanel state={query.data} status={status} actions={actions} />
          {admin && <RecipientBehaviourPanel behaviour={query.data.behaviour} />}
          <PhoneSidePanel recent={query.data.recent} actions={actions} />
          <PhoneOutbox outbox={query.data.outbox} />
        </div>
        <section aria-label={t('devPhone.customer.section')} className="space-y-2 lg:sticky lg:top-4">
          <h2 className="text-sm font-semibold text-slate-900">{t('devPhone.customer.section')}</h2>
          <CustomerSimulator outbox={query.data.outbox} actions={actions} />
        </section>
      </div>
    </div>
  )
}
