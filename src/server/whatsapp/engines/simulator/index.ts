import type { EngineFactory } from '../../engine/types'
import { SimulatorEngine, type SimulatorTiming } from './simulator-engine'

export function createSimulatorEngineFactory(timing: Partial<SimulatorTiming> = {}): EngineFactory {
  return (options) => new SimulatorEngine(options, timing)
}

/** Timing from the environment (QA can speed up QR rotation for a demo). */
export function simulatorTimingFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<SimulatorTiming> {
  const timing: Partial<SimulatorTiming> = {}
  if (env.SIMULATOR_QR_ROTATE_MS) timing.qrRotateMs = Number(env.SIMULATOR_QR_ROTATE_MS)
  if (env.SIMULATOR_QR_MAX_CODES) timing.qrMaxCodes = Number(env.SIMULATOR_QR_MAX_CODES)
  if (env.SIMULATOR_STARTUP_MS) timing.startupMs = Number(env.SIMULATOR_STARTUP_MS)
  return timing
}
