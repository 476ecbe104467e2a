/**
 * Values shared by every copy of a module in this process. Next's bundled route handlers and the
 * tsx-loaded server.ts import separate copies of the same module, so a plain module-level variable
 * would exist twice (two Prisma pools, two registries, a shutdown hook that never sees what a request
 * started). Each value lives on globalThis under a registered symbol, the one place that does so.
 */
type Store = Record<symbol, unknown>

function keyFor(name: string): symbol {
  return Symbol.for(`soul-crm:${name}`)
}

/** The process-wide value named `name`, created by `create` the first time any copy asks for it. */
export function processSingleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as Store
  const key = keyFor(name)
  if (!(key in store)) store[key] = create()
  return store[key] as T
}

/** A process-wide slot for a value that is set later or replaced (a registered service, a test double). */
export interface ProcessSlot<T> {
  get(): T | undefined
  set(value: T | undefined): void
}

/** The process-wide slot named `name` (empty until set). */
export function processSlot<T>(name: string): ProcessSlot<T> {
  const store = globalThis as unknown as Store
  const key = keyFor(name)
  return {
    get: () => store[key] as T | undefined,
    set: (value) => {
      store[key] = value
    },
  }
}
