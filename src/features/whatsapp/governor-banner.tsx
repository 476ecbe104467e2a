'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { SpinnerIcon } from '~/components/icons'
import { useDateFormatter } from '~/components/use-date-formatter'
import { useTRPC } from '~/trpc/react'
import { useGovernorState, type GovernorStateView } from './use-governor-state'

type Trip = NonNullable<GovernorStateView['pause']>['trip']

/** A pause's reason in words, with the figures it was judged on. */
export function useGovernorReason() {
  const t = useTranslations('whatsapp.governor')
  return (trip: Trip) => t(`reasons.${trip.reason}`, { percent: trip.percent, sample: trip.sample, limit: trip.limitPercent })
}

/**
 * "Bulk and agent sends are paused": why (the threshold and the figures), since when, and for admins a
 * Resume button; operators are told an admin can resume. Shown only while paused; live (no polling).
 */
export function GovernorBanner({ canManage, className }: { canManage: boolean; className?: string }) {
  const t = useTranslations('whatsapp.governor')
  const format = useDateFormatter()
  const reason = useGovernorReason()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { state } = useGovernorState({ onChange: () => void queryClient.invalidateQueries(trpc.whatsapp.governor.pathFilter()) })
  const resume = useMutation(trpc.whatsapp.governor.resume.mutationOptions())
  if (!state?.pause) return null
  const pause = state.pause
  return (
    <Alert
      tone="warning"
      className={className}
      data-testid="governor-banner"
      data-reason={pause.trip.reason}
      title={t('pausedTitle')}
      action={
        canManage ? (
          <div className="flex flex-wrap items-center gap-3 pt-1">
            <Button size="sm" onClick={() => resume.mutate(undefined)} disabled={resume.isPending} data-testid="governor-resume">
              {resume.isPending && <SpinnerIcon className="size-4" />}
              {t('resume')}
            </Button>
            {resume.error && (
              <span className="text-sm text-red-700" role="alert">
                {resume.error.message}
              </span>
            )}
          </div>
        ) : (
          <p className="text-sm" data-testid="governor-operator-note">
            {t('operatorNote')}
          </p>
        )
      }
    >
      <p data-testid="governor-reason">{reason(pause.trip)}</p>
      <p>{t('explain')}</p>
      <p className="text-xs opacity-80">{t('pausedAt', { time: format.dateTime(new Date(pause.at), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
    </Alert>
  )
}
