import { getEnv, type Env } from '../../../env'
import type { EngineFactory } from '../../engine/types'
import { SimulatorEngine, type SimulatorTiming } from './simulator-engine'

export function createSimulatorEngineFactory(timing: Partial<SimulatorTiming> = {}): EngineFactory {
  return (options) => new SimulatorEngine(options, timing)
}

/** Timing from the environment (QA can speed up QR rotation for a demo). */
export function simulatorTimingFromEnv(
  env: Pick<Env, 'SIMULATOR_QR_ROTATE_MS' | 'SIMULATOR_QR_MAX_CODES' | 'SIMULATOR_STARTUP_MS'> = getEnv(),
): Partial<SimulatorTiming> {
  const timing: Partial<SimulatorTiming> = {}
  if (env.SIMULATOR_QR_ROTATE_MS !== undefined) timing.qrRotateMs = env.SIMULATOR_QR_ROTATE_MS
  if (env.SIMULATOR_QR_MAX_CODES !== undefined) timing.qrMaxCodes = env.SIMULATOR_QR_MAX_CODES
  if (env.SIMULATOR_STARTUP_MS !== undefined) timing.startupMs = env.SIMULATOR_STARTUP_MS
  return timing
}
