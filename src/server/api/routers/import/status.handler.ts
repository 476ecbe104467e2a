import { AppError } from '../../../errors'
import { latestImportJob, readImportJob } from '../../../import/history/import-jobs'
import type { OrgContext } from '../../trpc'
import { withQrForAdminsOnly } from '../_shared/qr-visibility'
import type { StatusInput } from './status.schema'

/** A job by id, or the latest history import (null when there was none); the pairing QR only for admins. */
export async function statusHandler({ ctx, input }: { ctx: OrgContext; input: StatusInput }) {
  if (!input?.jobId) return withQrForAdminsOnly(ctx.user, await latestImportJob(ctx.organizationId))
  const job = await readImportJob(ctx.organizationId, input.jobId)
  if (!job) throw new AppError('NOT_FOUND', 'importNotFound')
  return withQrForAdminsOnly(ctx.user, job)
}
