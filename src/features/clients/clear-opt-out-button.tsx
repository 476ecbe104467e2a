'use client'

import { useMutation } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Button } from '~/components/button'
import { ConfirmDialog } from '~/components/confirm-dialog'
import { useTRPC } from '~/trpc/react'

/** Admins only: clears a client's opt-out when the customer asked to be written to again (recorded in the client's history). */
export function ClearOptOutButton({ clientId }: { clientId: string }) {
  const t = useTranslations('clients.optOut')
  const trpc = useTRPC()
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const clear = useMutation(trpc.clients.clearOptOut.mutationOptions({ onSuccess: () => router.refresh() }))
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="clear-opt-out">
        {t('clear')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('clearTitle')}
        confirmLabel={t('clear')}
        confirmTestId="clear-opt-out-confirm"
        pending={clear.isPending}
        onConfirm={() => clear.mutate({ clientId }, { onSuccess: () => setOpen(false) })}
        onCancel={() => setOpen(false)}
      >
        <p>{t('clearBody')}</p>
      </ConfirmDialog>
    </>
  )
}
