import type { ImportJob, ImportJobStatus } from './import-types'

type JobState = Pick<ImportJob, 'id' | 'kind' | 'status' | 'createdAt' | 'chatsProcessed' | 'cancelRequested'>

const stage: Record<ImportJobStatus, number> = { PENDING: 0, WAITING_FOR_SCAN: 1, RUNNING: 2, COMPLETED: 3, FAILED: 3, CANCELLED: 3 }

/**
 * Which history job the page should show after `next` arrives: the subscription sends the latest
 * history job first (or null), then every import's progress, export uploads included; the start and
 * cancel mutations answer with a view that may be older than an event already received. So: export
 * jobs are ignored, a newer job replaces an older one, and a job never steps back in its lifecycle.
 */
export function latestImportJob<T extends JobState>(current: T | null | undefined, next: T | null): T | null {
  if (!next) return current ?? null
  if (next.kind !== 'HISTORY') return current ?? null
  if (!current) return next
  if (next.id !== current.id) return next.createdAt.getTime() >= current.createdAt.getTime() ? next : current
  if (stage[next.status] !== stage[current.status]) return stage[next.status] > stage[current.status] ? next : current
  if (next.chatsProcessed < current.chatsProcessed) return current
  if (current.cancelRequested && !next.cancelRequested) return current
  return next
}
