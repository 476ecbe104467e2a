import type { RouterOutputs } from '~/trpc/router-types'

export type WhatsAppStatusView = RouterOutputs['whatsapp']['status']
export type WhatsAppStatus = WhatsAppStatusView['status']
export type WhatsAppSettingsResult = RouterOutputs['whatsapp']['settings']['get']
export type QuotaWindows = RouterOutputs['whatsapp']['quota']
