/**
 * Open subscriptions outlive the request that checked the session. Every half of AUTH_USER_RECHECK_MS
 * (through the same short cache as requests) a stream asks again whether its user still exists, is
 * active, has the same role and organization, and has not signed out; if not, it ends with
 * `sessionEnded`. A deactivated or deleted user's streams end within AUTH_USER_RECHECK_MS * 1.5 (≤ 30 s
 * by default).
 */
import { currentUser } from '../auth/current-user'
import { isSessionRevoked } from '../auth/session-revocation'
import type { SessionUser } from '../auth/session-user'
import { getEnv } from '../env'
import { AppError } from '../errors'

/** True while `user` (as the stream started with it) may go on receiving. */
export async function sessionStillValid(user: SessionUser): Promise<boolean> {
  if (user.sessionId && (await isSessionRevoked(user.sessionId))) return false
  const now = await currentUser(user.id, user.sessionId)
  return !!now && now.role === user.role && now.organizationId === user.organizationId
}

/**
 * Passes `iterable` through, re-checking with `stillValid` every `intervalMs` even while nothing
 * arrives; ends it with `sessionEnded` when the check fails. Waiting holds one timer and one pending
 * read (no promise races piling up on a quiet stream). The source is released with `return()`
 * without waiting for it: an async generator parked in a read finishes that read first.
 */
export function endWhenSessionEnds<T>(iterable: AsyncIterable<T>, stillValid: () => Promise<boolean>, intervalMs: number): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = iterable[Symbol.asyncIterator]()
      let settled: { ok: IteratorResult<T> } | { error: unknown } | null = null
      let reading = false
      let wake: (() => void) | null = null
      let finished = false
      let nextCheckAt = Date.now() + intervalMs
      const release = () => {
        finished = true
        void source.return?.()?.catch(() => undefined)
      }
      const read = () => {
        reading = true
        source.next().then(
          (ok) => ((settled = { ok }), wake?.()),
          (error: unknown) => ((settled = { error }), wake?.()),
        )
      }
      return {
        async next(): Promise<IteratorResult<T>> {
          if (finished) return { done: true, value: undefined }
          if (!reading) read()
          for (;;) {
            const got = settled
            if (got) {
              settled = null
              reading = false
              if ('error' in got) {
                finished = true
                throw got.error
              }
              if (got.ok.done) finished = true
              return got.ok
            }
            const wait = nextCheckAt - Date.now()
            if (wait <= 0) {
              if (!(await stillValid())) {
                release()
                throw new AppError('UNAUTHORIZED', 'sessionEnded')
              }
              nextCheckAt = Date.now() + intervalMs
              continue
            }
            let timer: NodeJS.Timeout | undefined
            await new Promise<void>((resolve) => {
              wake = resolve
              timer = setTimeout(resolve, wait)
            })
            clearTimeout(timer)
            wake = null
          }
        },
        async return(): Promise<IteratorResult<T>> {
          if (!finished) release()
          return { done: true, value: undefined }
        },
      }
    },
  }
}

/** The interval open streams re-check at. */
export const recheckIntervalMs = () => Math.max(50, Math.floor(getEnv().AUTH_USER_RECHECK_MS / 2))
