import { z } from 'zod'
import { organizationIdInput } from '../_shared/inputs'

/** How many local days a chart covers, bounded (each day is one group of an aggregate query). */
function daysInput(defaultDays: number, max: number) {
  return z.number().int().min(1).max(max).default(defaultDays)
}

/** Messages in and out and the median first response: 30 days by default, at most 90. */
export const dashboardActivityInput = z.object({ ...organizationIdInput, days: daysInput(30, 90) }).default({ days: 30 })
export type DashboardActivityInput = z.infer<typeof dashboardActivityInput>

/** Delivery outcomes: 7 days by default, at most 31. */
export const dashboardDeliveryInput = z.object({ ...organizationIdInput, days: daysInput(7, 31) }).default({ days: 7 })
export type DashboardDeliveryInput = z.infer<typeof dashboardDeliveryInput>

/** The uptime strip: 7 days by default, at most 30 (the status history keeps 31). */
export const dashboardUptimeInput = z.object({ ...organizationIdInput, days: daysInput(7, 30) }).default({ days: 7 })
export type DashboardUptimeInput = z.infer<typeof dashboardUptimeInput>
