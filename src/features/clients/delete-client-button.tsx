'use client'

import { useMutation } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Alert } from '~/components/alert'
import { Button } from '~/components/button'
import { ConfirmDialog } from '~/components/confirm-dialog'
import { useTRPC } from '~/trpc/react'

/** Admins only: deletes the client with their conversation, messages and media files, after a confirmation. */
export function DeleteClientButton({ clientId, name }: { clientId: string; name: string }) {
  const t = useTranslations('clients.delete')
  const trpc = useTRPC()
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const remove = useMutation(
    trpc.clients.delete.mutationOptions({
      onSuccess: () => {
        setOpen(false)
        router.push('/clients')
        router.refresh()
      },
    }),
  )
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="client-delete">
        {t('button')}
      </Button>
      <ConfirmDialog
        open={open}
        tone="danger"
        title={t('title', { name })}
        confirmLabel={t('confirm')}
        confirmTestId="client-delete-confirm"
        pending={remove.isPending}
        onConfirm={() => remove.mutate({ clientId })}
        onCancel={() => setOpen(false)}
      >
        <p>{t('body')}</p>
        {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      </ConfirmDialog>
    </>
  )
}
