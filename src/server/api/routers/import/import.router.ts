/** Import: history over a separate WhatsApp session, and chat-export uploads. Admins run them; members watch. */
import { tracked } from '@trpc/server'
import { getEventBus } from '../../../events/event-bus'
import { AppError } from '../../../errors'
import { commitExport, previewExport } from '../../../import/export/export-import'
import { cancelHistoryImport, startHistoryImport } from '../../../import/history/history-import'
import { latestImportJob, readImportJob } from '../../../import/history/import-jobs'
import { adminProcedure, createTRPCRouter, orgProcedure } from '../../trpc'
import { commitExportInput, jobInput, progressInput, startImportInput, statusInput, uploadInput } from './import.schema'

export const importRouter = createTRPCRouter({
  start: adminProcedure.input(startImportInput).mutation(({ ctx, input }) => {
    const { organizationId: _org, ...options } = input
    return startHistoryImport(ctx.organizationId, ctx.user.id, options)
  }),

  cancel: adminProcedure.input(jobInput).mutation(({ ctx, input }) => cancelHistoryImport(ctx.organizationId, input.jobId)),

  /** A job by id, or the latest history import (null when there was none). */
  status: orgProcedure.input(statusInput).query(async ({ ctx, input }) => {
    if (!input?.jobId) return latestImportJob(ctx.organizationId)
    const job = await readImportJob(ctx.organizationId, input.jobId)
    if (!job) throw new AppError('NOT_FOUND', 'importNotFound')
    return job
  }),

  /** Live progress: the job's current state first, then every change (QR, counters, status). */
  onProgress: orgProcedure.input(progressInput).subscription(async function* ({ ctx, input, signal }) {
    const bus = getEventBus()
    let after = input?.lastEventId ?? null
    if (input?.jobId && !(await readImportJob(ctx.organizationId, input.jobId))) throw new AppError('NOT_FOUND', 'importNotFound')
    if (!after) {
      after = await bus.lastId(ctx.organizationId)
      const current = input?.jobId ? await readImportJob(ctx.organizationId, input.jobId) : await latestImportJob(ctx.organizationId)
      yield tracked(after, current)
    }
    for await (const delivered of bus.subscribe(ctx.organizationId, { types: ['import.progress'], lastEventId: after, signal })) {
      if (input?.jobId && delivered.event.data.importJobId !== input.jobId) continue
      // Without a job id this follows history imports; export uploads have their own result.
      if (!input?.jobId && (delivered.event.data.job as { kind?: string } | null)?.kind !== 'HISTORY') continue
      yield tracked(delivered.id, delivered.event.data.job as Awaited<ReturnType<typeof readImportJob>>)
    }
  }),

  previewExport: adminProcedure.input(uploadInput).mutation(({ ctx, input }) => previewExport(ctx.organizationId, input)),

  commitExport: adminProcedure.input(commitExportInput).mutation(({ ctx, input }) => commitExport(ctx.organizationId, ctx.user.id, input)),
})
