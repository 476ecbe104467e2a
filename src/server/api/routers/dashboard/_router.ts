import { orgOnlyInput } from '../_shared/inputs'
import { adminProcedure, createTRPCRouter } from '../../trpc'
import { activityHandler, deliveryHandler, quotaHandler, uptimeHandler } from './dashboard.handler'
import { dashboardActivityInput, dashboardDeliveryInput, dashboardUptimeInput } from './dashboard.schema'

/**
 * dashboard: the org admin's charts (issue 16 point 3). Admins only: it is the business owner's view of
 * the channel (operators land on their inbox and never see the team's figures).
 */
export const dashboardRouter = createTRPCRouter({
  activity: adminProcedure.input(dashboardActivityInput).query(activityHandler),
  delivery: adminProcedure.input(dashboardDeliveryInput).query(deliveryHandler),
  uptime: adminProcedure.input(dashboardUptimeInput).query(uptimeHandler),
  quota: adminProcedure.input(orgOnlyInput).query(quotaHandler),
})
