import { readConnectionUptime, readDashboardActivity, readDeliveryOutcomes, readQuotaGauges } from '../../../domain/dashboard/dashboard-service'
import type { OrgContext } from '../../trpc'
import type { DashboardActivityInput, DashboardDeliveryInput, DashboardUptimeInput } from './dashboard.schema'

export function activityHandler({ ctx, input }: { ctx: OrgContext; input: DashboardActivityInput }) {
  return readDashboardActivity(ctx.organizationId, input.days)
}

export function deliveryHandler({ ctx, input }: { ctx: OrgContext; input: DashboardDeliveryInput }) {
  return readDeliveryOutcomes(ctx.organizationId, input.days)
}

export function uptimeHandler({ ctx, input }: { ctx: OrgContext; input: DashboardUptimeInput }) {
  return readConnectionUptime(ctx.organizationId, input.days)
}

export function quotaHandler({ ctx }: { ctx: OrgContext }) {
  return readQuotaGauges(ctx.organizationId)
}
