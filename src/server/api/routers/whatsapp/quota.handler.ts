import { getWhatsAppSettings } from '../../../domain/settings/settings-service'
import { AppError } from '../../../errors'
import { readQuota } from '../../../queues/quota'
import type { OrgContext } from '../../trpc'

/** How much of the minute/hour/day quota is left. */
export async function quotaHandler({ ctx }: { ctx: OrgContext }) {
  const settings = await getWhatsAppSettings(ctx.organizationId)
  const decision = await readQuota(ctx.organizationId, settings).catch(() => {
    throw new AppError('UNAVAILABLE', 'queueUnavailable')
  })
  return decision.windows
}
