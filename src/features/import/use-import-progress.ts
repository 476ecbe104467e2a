'use client'

import { useSubscription } from '@trpc/tanstack-react-query'
import { useCallback, useState } from 'react'
import { useTRPC } from '~/trpc/react'
import type { ImportJob } from './import-types'
import { latestImportJob } from './latest-import-job'

/**
 * The organization's history import, live: the subscription yields the latest job first (or null)
 * and then every change (its QR, counters, final state); no polling. `job` is undefined until the
 * first event. `accept` folds in a job the start or cancel mutation answered with.
 */
export function useImportProgress() {
  const trpc = useTRPC()
  const [job, setJob] = useState<ImportJob | null | undefined>(undefined)
  const accept = useCallback((next: ImportJob | null) => setJob((current) => latestImportJob(current, next)), [])
  const subscription = useSubscription(trpc.import.onProgress.subscriptionOptions(undefined, { onData: (event) => accept(event.data) }))
  return { job, accept, error: subscription.status === 'error' ? subscription.error : null, retry: subscription.reset }
}
