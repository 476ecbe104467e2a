'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Button } from '~/components/button'
import { Card, CardHeader } from '~/components/card'
import { Field, Input } from '~/components/input'
import { useTRPC } from '~/trpc/react'
import type { PhoneState } from './use-phone-state'

const FIELDS = ['notOnWhatsAppPercent', 'failAckPercent', 'undeliveredPercent', 'blockedPercent', 'seed'] as const
type BehaviourField = (typeof FIELDS)[number]

/**
 * QA's lever for the sending governor (issue 12): what share of the next sends meets "not on WhatsApp",
 * an ack −1, no delivery, or a recipient who blocked the business; seeded, so a run can be repeated.
 * Admins only (the procedure refuses others).
 */
export function RecipientBehaviourPanel({ behaviour }: { behaviour: PhoneState['behaviour'] }) {
  const t = useTranslations('devPhone.behaviour')
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [values, setValues] = useState<Record<BehaviourField, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f, String(behaviour[f])])) as Record<BehaviourField, string>,
  )
  const apply = useMutation(
    trpc.devPhone.setBehaviour.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries(trpc.devPhone.state.pathFilter()) }),
  )
  const fieldErrors = apply.error?.data?.zodError?.fieldErrors ?? {}
  return (
    <Card data-testid="phone-behaviour">
      <CardHeader title={t('title')} subtitle={t('hint')} />
      <p className="px-4 pt-3 text-xs text-slate-500 sm:px-5" data-testid="phone-not-on-whatsapp-rule">
        {t('notOnWhatsAppRule')}
      </p>
      <form
        className="grid gap-3 p-4 sm:grid-cols-5 sm:p-5"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          apply.mutate(Object.fromEntries(FIELDS.map((f) => [f, Number(values[f])])))
        }}
      >
        {FIELDS.map((field) => (
          <Field key={field} label={t(field)} htmlFor={`behaviour-${field}`}>
            <Input
              id={`behaviour-${field}`}
              type="number"
              inputMode="numeric"
              value={values[field]}
              onChange={(e) => setValues((current) => ({ ...current, [field]: e.target.value }))}
              aria-invalid={Boolean(fieldErrors[field])}
              data-testid={`behaviour-${field}`}
            />
          </Field>
        ))}
        <div className="flex items-center gap-3 sm:col-span-5">
          <Button type="submit" variant="secondary" disabled={apply.isPending} data-testid="behaviour-apply">
            {t('apply')}
          </Button>
          {apply.isSuccess && <span className="text-xs text-slate-500">{t('applied')}</span>}
          {apply.error && (
            <span className="text-sm text-red-700" role="alert">
              {Object.values(fieldErrors)[0]?.[0] ?? apply.error.message}
            </span>
          )}
        </div>
      </form>
    </Card>
  )
}
