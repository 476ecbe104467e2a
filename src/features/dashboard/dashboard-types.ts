import type { RouterOutputs } from '~/trpc/router-types'

export type DashboardActivity = RouterOutputs['dashboard']['activity']
export type DashboardDelivery = RouterOutputs['dashboard']['delivery']
export type DashboardUptime = RouterOutputs['dashboard']['uptime']
export type DashboardQuota = RouterOutputs['dashboard']['quota']
