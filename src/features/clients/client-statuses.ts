import type { BadgeTone } from '~/components/badge'
import type { ClientStatus } from '~/shared/enums'

/** Every client status with its badge colour, in pipeline order (typed against the Prisma enum, so none is missed). */
const statusTones: Record<ClientStatus, BadgeTone> = {
  NEW_LEAD: 'blue',
  CONTACTED: 'sky',
  INTERESTED: 'violet',
  NEGOTIATION: 'amber',
  CUSTOMER: 'green',
  REPEAT_CUSTOMER: 'emerald',
  INACTIVE: 'gray',
  LOST: 'red',
}

export const clientStatuses = Object.keys(statusTones) as ClientStatus[]

export function isClientStatus(value: unknown): value is ClientStatus {
  return typeof value === 'string' && value in statusTones
}

export function clientStatusTone(status: ClientStatus): BadgeTone {
  return statusTones[status]
}
