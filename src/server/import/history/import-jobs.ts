/** ImportJob reads, views and progress events. */
import { db, type Prisma } from '../../db'
import { getEventBus } from '../../events/event-bus'
import type { ImportJobView } from '../../events/event-types'

export type { ImportJobView }

export const importJobSelect = {
  id: true,
  kind: true,
  status: true,
  options: true,
  dryRun: true,
  qrCode: true,
  cancelRequested: true,
  chatsTotal: true,
  chatsProcessed: true,
  messagesProcessed: true,
  clientsCreated: true,
  clientsUpdated: true,
  conversationsCreated: true,
  messagesImported: true,
  duplicatesSkipped: true,
  errorsCount: true,
  errors: true,
  notes: true,
  preview: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
} satisfies Prisma.ImportJobSelect & Record<Exclude<keyof ImportJobView, 'percent'>, true>

export function withPercent<T extends { status: string; chatsTotal: number; chatsProcessed: number }>(job: T): T & { percent: number } {
  const finished = job.status === 'COMPLETED'
  const percent = finished ? 100 : job.chatsTotal ? Math.min(99, Math.floor((job.chatsProcessed / job.chatsTotal) * 100)) : 0
  return { ...job, percent }
}

export async function readImportJob(organizationId: string, jobId: string): Promise<ImportJobView | null> {
  const job = await db.importJob.findFirst({ where: { id: jobId, organizationId }, select: importJobSelect })
  return job ? withPercent(job) : null
}

export async function latestImportJob(organizationId: string, kind: 'HISTORY' | 'EXPORT' = 'HISTORY'): Promise<ImportJobView | null> {
  const job = await db.importJob.findFirst({ where: { organizationId, kind }, orderBy: { createdAt: 'desc' }, select: importJobSelect })
  return job ? withPercent(job) : null
}

/** Updates a job and publishes its new state to the organization's progress subscribers. */
export async function updateImportJob(organizationId: string, jobId: string, data: Prisma.ImportJobUpdateInput): Promise<ImportJobView> {
  const job = withPercent(await db.importJob.update({ where: { id: jobId }, data, select: importJobSelect }))
  await getEventBus().publish(organizationId, { type: 'import.progress', data: { importJobId: jobId, job } })
  return job
}

const MAX_LISTED = 50

/** Appends to a capped JSON list (errors, notes). */
export function appendCapped<T>(list: unknown, item: T): T[] {
  const current = Array.isArray(list) ? (list as T[]) : []
  return current.length >= MAX_LISTED ? current : [...current, item]
}
