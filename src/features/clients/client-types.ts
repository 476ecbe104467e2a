import type { inferRouterOutputs } from '@trpc/server'
import type { AppRouter } from '~/server/api/root'

type Outputs = inferRouterOutputs<AppRouter>

export type ClientListItem = Outputs['clients']['list']['items'][number]
export type ClientDetails = Outputs['clients']['byId']
