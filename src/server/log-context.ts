/**
 * The ids every log line carries, without passing them around: the HTTP request's id (from `X-Request-Id`
 * when a proxy set a sane one, else a new one; answered in the response header), the organization and
 * user once tRPC knows them, and a queue job's id while a worker runs it. A job queued during a request
 * carries the request's id in its data, so one id follows an operator's action from the tRPC call
 * through the queue job to the engine's send. The store is a process singleton (Next's bundle and
 * tsx's server.ts are separate module copies that must share it), read by the logger's mixin.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import { processSingleton } from './process-singleton'

export interface LogContext {
  requestId?: string
  organizationId?: string
  userId?: string
  jobId?: string
  queue?: string
}

const storage = processSingleton('log-context', () => new AsyncLocalStorage<LogContext>())

/** The ids of the current request or job (empty outside of one). */
export function currentLogContext(): LogContext {
  return storage.getStore() ?? {}
}

/** Runs `fn` with `fields` added to the current context. */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return storage.run({ ...currentLogContext(), ...fields }, fn)
}

/** A proxy's request id when it is a sane token (≤ 64 characters of letters, digits, `-`, `_`, `.`), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header
  return given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID()
}

/** Job data with the current request's id, so the worker's lines carry it too (ids only: never text or secrets). */
export function withRequestId<T>(data: T): T {
  const { requestId } = currentLogContext()
  if (!requestId || typeof data !== 'object' || data === null || 'requestId' in data) return data
  return { ...data, requestId }
}

/** Runs a job's work in its context: the job id, its queue, its organization and the request that queued it. */
export function inJobContext<T>(job: { id?: string | undefined; queueName: string; data: unknown }, fn: () => T): T {
  const data = (job.data ?? {}) as { requestId?: unknown; organizationId?: unknown }
  return storage.run(
    {
      jobId: job.id,
      queue: job.queueName,
      ...(typeof data.organizationId === 'string' ? { organizationId: data.organizationId } : {}),
      ...(typeof data.requestId === 'string' ? { requestId: data.requestId } : {}),
    },
    fn,
  )
}
