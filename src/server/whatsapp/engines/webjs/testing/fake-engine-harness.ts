/** A real WebjsEngine over a FakeWebjsClientFactory, and an event recorder, for scenario tests. */
import type { EngineEvents, WaEngine } from '../../../engine/types'
import { createMemoryArchiveStore } from '../../../session-store'
import { createWebjsEngine, type WebjsEngineOptions } from '../webjs-engine'
import { FakeWebjsClientFactory, type FakeWebjsClient } from './fake-webjs-client'

/** `setup` scripts each client the engine makes (index 0 = first launch). */
export function fakeEngine(setup?: (client: FakeWebjsClient, index: number) => void, overrides: Partial<WebjsEngineOptions> = {}) {
  const factory = new FakeWebjsClientFactory(setup)
  const engine = createWebjsEngine({
    organizationId: 'org-fake',
    mode: 'integration',
    clientId: 'org-fake',
    dataPath: '/tmp/soul-fake-webjs',
    store: createMemoryArchiveStore(),
    chromiumPath: '/nonexistent/chromium',
    authMode: 'local',
    clientFactory: factory.create,
    ...overrides,
  })
  return { engine, factory }
}

/** Every engine event, in order, with its arguments. */
export function record(engine: WaEngine) {
  const events: Array<{ name: keyof EngineEvents; args: unknown[] }> = []
  const names: Array<keyof EngineEvents> = ['qr', 'authenticated', 'ready', 'auth_failure', 'message', 'message_ack', 'disconnected']
  for (const name of names) engine.on(name, (...args: unknown[]) => void events.push({ name, args }))
  return events
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

/** An engine over the fake, restored from a stored session and ready, recording its events. */
export async function readyFakeEngine(overrides: Partial<WebjsEngineOptions> = {}) {
  const made = fakeEngine((client) => client.setSession('restored'), overrides)
  const events = record(made.engine)
  await made.engine.initialize()
  await tick()
  await tick()
  return { ...made, events, fake: made.factory.last }
}
