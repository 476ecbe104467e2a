import { AppError } from '../../../errors'
import { latestImportJob, readImportJob } from '../../../import/history/import-jobs'
import type { OrgContext } from '../../trpc'
import { withQrForAdminsOnly } from '../_shared/qr-visibility'
import { streamOrgEvents } from '../_shared/stream-org-events'
import type { ProgressInput } from './on-progress.schema'

/** Live progress: the job's current state first, then every change (QR for admins only, counters, status). */
export async function* onProgressHandler({ ctx, input, signal }: { ctx: OrgContext; input: ProgressInput; signal?: AbortSignal }) {
  const jobId = input?.jobId
  if (jobId && !(await readImportJob(ctx.organizationId, jobId))) throw new AppError('NOT_FOUND', 'importNotFound')
  yield* streamOrgEvents({
    organizationId: ctx.organizationId,
    userId: ctx.user.id,
    types: ['import.progress'],
    lastEventId: input?.lastEventId,
    signal,
    snapshot: async () => withQrForAdminsOnly(ctx.user, await (jobId ? readImportJob(ctx.organizationId, jobId) : latestImportJob(ctx.organizationId))),
    // Without a job id this follows history imports; export uploads have their own result.
    filter: (event) => (jobId ? event.data.importJobId === jobId : event.data.job.kind === 'HISTORY'),
    map: (event) => withQrForAdminsOnly(ctx.user, event.data.job),
  })
}
