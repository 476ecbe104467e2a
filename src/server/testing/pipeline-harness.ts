/**
 * A running messaging stack for integration tests: a session manager on the simulator, the two
 * workers and the outbox relay, and helpers to connect an organization's phone.
 */
import { db, type Prisma } from '../db'
import { TEST_SEND_CLOCK_OFF } from './factories'
import { startPipeline, type Pipeline } from '../messaging-pipeline'
import { registerSessionManager } from '../services'
import { createSimulatorEngineFactory } from '../whatsapp/engines/simulator'
import * as phone from '../whatsapp/engines/simulator/simulator-control'
import type { SimulatorTiming } from '../whatsapp/engines/simulator/simulator-engine'
import type { EngineFactory } from '../whatsapp/engine/types'
import { createWhatsAppClientConfig } from '../whatsapp/phone'
import { WhatsAppSessionManager } from '../whatsapp/session-manager'
import { waitFor } from './wait-for'

export interface Harness {
  manager: WhatsAppSessionManager
  pipeline: Pipeline
  stop: () => Promise<void>
}

export async function startHarness(
  options: { timing?: Partial<SimulatorTiming>; engineFactory?: EngineFactory; relayIntervalMs?: number; now?: () => Date } = {},
): Promise<Harness> {
  const engineFactory = options.engineFactory ?? createSimulatorEngineFactory({ startupMs: 0, ackDelaysMs: [20, 60, 120], ...options.timing })
  const manager = new WhatsAppSessionManager({
    engineFactory,
    leaseTtlMs: 3000,
    tickMs: 200,
  })
  registerSessionManager(manager)
  const pipeline = startPipeline({ sessionManager: manager, relayIntervalMs: options.relayIntervalMs ?? 500, now: options.now })
  await manager.start()
  return {
    manager,
    pipeline,
    async stop() {
      await manager.disconnectAll()
      await pipeline.stopWorkers()
      await pipeline.closeQueues()
      registerSessionManager(undefined)
    },
  }
}

export const clientIdOf = (organizationId: string) => createWhatsAppClientConfig(organizationId, 'integration').clientId

/** Connects an organization's simulated phone (connect, scan the QR, wait for CONNECTED). */
export async function connectPhone(manager: WhatsAppSessionManager, organizationId: string): Promise<void> {
  await manager.connect(organizationId)
  const qr = await waitFor(async () => {
    const row = await db.whatsAppSession.findUnique({ where: { organizationId }, select: { qrCode: true, status: true } })
    return row?.status === 'QR_CODE_PENDING' ? row.qrCode : null
  })
  await phone.scanQr(clientIdOf(organizationId), { qr })
  await waitFor(() => manager.isConnected(organizationId))
}

/** Replaces the organization's WhatsApp settings; quiet hours and warm-up stay off unless given (factories.ts TEST_SEND_CLOCK_OFF). */
export async function setSettings(organizationId: string, whatsapp: Prisma.InputJsonObject) {
  await db.organization.update({ where: { id: organizationId }, data: { settings: { whatsapp: { ...TEST_SEND_CLOCK_OFF, ...whatsapp } } } })
}
