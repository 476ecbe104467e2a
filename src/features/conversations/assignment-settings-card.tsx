'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { Card } from '~/components/card'
import { Select } from '~/components/select'
import { Switch } from '~/components/switch'
import { DISTRIBUTION_MODES, type DistributionMode } from '~/shared/conversation-assignment'
import { useTRPC } from '~/trpc/react'

/** Admins choose how new conversations are distributed and whether operators see only their own. */
export function AssignmentSettingsCard({ canManage }: { canManage: boolean }) {
  const t = useTranslations('inbox.settings')
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const settings = useQuery(trpc.conversations.assignmentSettings.get.queryOptions({}))
  const update = useMutation(
    trpc.conversations.assignmentSettings.update.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.conversations.assignmentSettings.get.queryKey({}), next),
    }),
  )
  const data = settings.data
  return (
    <Card className="space-y-4 p-4 sm:p-5" data-testid="assignment-settings">
      <div>
        <h2 className="text-base font-semibold text-slate-900">{t('title')}</h2>
        <p className="text-sm text-slate-500">{t('description')}</p>
      </div>
      {data && (
        <>
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-800">{t('distribution')}</span>
            <Select
              data-testid="distribution-select"
              value={data.distribution}
              disabled={!canManage || update.isPending}
              onChange={(event) => update.mutate({ distribution: event.target.value as DistributionMode })}
            >
              {DISTRIBUTION_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`mode.${mode}`)}
                </option>
              ))}
            </Select>
            <span className="block text-slate-500">{t(`modeHint.${data.distribution}`)}</span>
          </label>
          <Switch
            data-testid="only-own-switch"
            label={t('onlyOwn')}
            hint={t('onlyOwnHint')}
            checked={data.operatorsSeeOnlyOwn}
            disabled={!canManage || update.isPending}
            onChange={(event) => update.mutate({ operatorsSeeOnlyOwn: event.target.checked })}
          />
        </>
      )}
      {update.error && (
        <p role="alert" className="text-sm text-red-700">
          {update.error.message}
        </p>
      )}
    </Card>
  )
}
