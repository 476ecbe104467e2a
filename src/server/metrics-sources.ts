/**
 * Wires the scrape-time sources of /metrics (composition: it reaches the domain's in-memory buffer and
 * settings and the session manager, which the metrics module itself may not import).
 */
import { getWhatsAppSettings } from './domain/settings/settings-service'
import { incomingBuffer } from './domain/messages/incoming-service'
import { isGovernorPaused } from './domain/safety/governor'
import { readQuota } from './queues/quota'
import type { WhatsAppSessionManager } from './whatsapp/session-manager'
import type { Metrics } from './observability/metrics'
import { registerScrapeSource } from './observability/scrape'
import { collectBacklog, collectSessions, OBSERVED_QUEUES, processGroupRss, queueCollector } from './observability/scrape-sources'

export function registerObservability(sessionManager: WhatsAppSessionManager): void {
  registerScrapeSource('database', async (m: Metrics) => {
    await Promise.all([collectSessions(m), collectBacklog(m)])
    m.backlog.set({ kind: 'memory_buffer' }, incomingBuffer.length)
  })
  registerScrapeSource('redis', queueCollector(OBSERVED_QUEUES))
  registerScrapeSource('sessions', async (m: Metrics) => {
    const local = sessionManager.localSessions()
    const quotas = await Promise.all(
      local.map(async ({ organizationId }) => ({ organizationId, quota: await readQuota(organizationId, await getWhatsAppSettings(organizationId)) })),
    )
    m.quotaUsed.reset()
    for (const { organizationId, quota } of quotas) {
      for (const [window, state] of Object.entries(quota.windows)) {
        m.quotaUsed.set({ organization: organizationId, window }, state.limit > 0 ? (state.limit - state.remaining) / state.limit : 0)
      }
    }
    const paused = await Promise.all(local.map(({ organizationId }) => isGovernorPaused(organizationId)))
    m.governorPaused.reset()
    local.forEach(({ organizationId }, i) => m.governorPaused.set({ organization: organizationId }, paused[i] ? 1 : 0))
    m.chromiumRss.reset()
    for (const { organizationId, browserPid } of local) {
      if (browserPid) m.chromiumRss.set({ organization: organizationId }, processGroupRss(browserPid))
    }
  })
}
