import type { RouterOutputs } from '~/trpc/router-types'

export type ClientListItem = RouterOutputs['clients']['list']['items'][number]
export type ClientDetails = RouterOutputs['clients']['byId']
