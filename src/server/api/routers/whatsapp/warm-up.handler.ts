import { warmUpOf } from '../../../domain/safety/send-clock'
import { getWhatsAppSettings } from '../../../domain/settings/settings-service'
import { warmUpCurve } from '~/shared/warm-up'
import type { OrgContext } from '../../trpc'

/** The number's warm-up today (cap, day, why) and the whole curve, for the settings page. */
export async function warmUpHandler({ ctx }: { ctx: OrgContext }) {
  const settings = await getWhatsAppSettings(ctx.organizationId)
  const state = await warmUpOf(ctx.organizationId, settings)
  return { ...state, curve: warmUpCurve(settings.rateLimiting.messagesPerDay) }
}
