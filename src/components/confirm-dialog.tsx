'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useId, useRef } from 'react'
import { Button } from './button'
import { AlertIcon, SpinnerIcon } from './icons'

/**
 * A modal question with Cancel and a confirm button, on the native <dialog> (focus trap, Escape and
 * the backdrop for free). Escape or Cancel calls `onCancel`; the parent owns `open`.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  tone = 'primary',
  pending = false,
  onConfirm,
  onCancel,
  confirmTestId,
}: {
  open: boolean
  title: React.ReactNode
  children?: React.ReactNode
  confirmLabel: React.ReactNode
  cancelLabel?: React.ReactNode
  tone?: 'primary' | 'danger'
  pending?: boolean
  onConfirm: () => void
  onCancel: () => void
  confirmTestId?: string
}) {
  const t = useTranslations('common')
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) el.showModal()
    if (!open && el.open) el.close()
  }, [open])

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      data-testid="confirm-dialog"
      onCancel={(event) => {
        event.preventDefault()
        if (!pending) onCancel()
      }}
      onClick={(event) => event.target === dialog.current && !pending && onCancel()}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 backdrop:backdrop-blur-[1px]"
    >
      <div className="flex gap-3 p-5">
        <span
          className={
            tone === 'danger'
              ? 'flex size-10 shrink-0 items-center justify-center rounded-full bg-red-50 text-red-600'
              : 'flex size-10 shrink-0 items-center justify-center rounded-full bg-amber-50 text-amber-600'
          }
        >
          <AlertIcon />
        </span>
        <div className="min-w-0 space-y-2">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          {children && <div className="space-y-2 text-sm leading-relaxed text-slate-600">{children}</div>}
        </div>
      </div>
      <div className="flex flex-col-reverse gap-2 border-t border-slate-100 bg-slate-50 px-5 py-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={pending} data-testid="confirm-cancel">
          {cancelLabel ?? t('cancel')}
        </Button>
        <Button variant={tone} onClick={onConfirm} disabled={pending} data-testid={confirmTestId ?? 'confirm-accept'} autoFocus>
          {pending && <SpinnerIcon className="size-4" />}
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  )
}
