import type { inferRouterOutputs } from '@trpc/server'
import type { AppRouter } from '~/server/api/root'

type Outputs = inferRouterOutputs<AppRouter>

export type WhatsAppStatusView = Outputs['whatsapp']['status']
export type WhatsAppStatus = WhatsAppStatusView['status']
export type WhatsAppSettingsResult = Outputs['whatsapp']['settings']['get']
export type QuotaWindows = Outputs['whatsapp']['quota']
