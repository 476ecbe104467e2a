/**
 * One EventSource per distinct subscription in a tab. Browsers allow 6 HTTP/1.1 connections per host
 * and every SSE stream holds one for as long as it is open: the shell, the page and a second tab of the
 * same browser each subscribing on their own used them all up, and every further request (a query, a
 * scan on /dev/phone) waited for ever. This link lets all subscribers of the same procedure and input
 * share one stream: the first opens it, the last one leaving closes it, and a subscriber that joins late
 * gets the stream's latest `started` and `state` signals replayed (data events are live only, as for a
 * fresh stream that resumes from the server's snapshot).
 */
import type { TRPCLink } from '@trpc/client'
import type { AnyRouter } from '@trpc/server'
import { observable, type Observer, type Unsubscribable } from '@trpc/server/observable'

// The link's result envelope, as far as sharing needs it.
type Envelope = { result?: { type?: string } }

interface SharedStream {
  observers: Set<Observer<unknown, unknown>>
  replay: Map<string, unknown>
  source?: Unsubscribable
}

export function sharedSubscriptionLink<TRouter extends AnyRouter>(): TRPCLink<TRouter> {
  return () => {
    const streams = new Map<string, SharedStream>()
    return ({ op, next }) => {
      if (op.type !== 'subscription') return next(op)
      const key = `${op.path}\u0000${JSON.stringify(op.input ?? null)}`
      return observable((observer) => {
        const joined = streams.get(key)
        const stream: SharedStream = joined ?? { observers: new Set(), replay: new Map() }
        stream.observers.add(observer as Observer<unknown, unknown>)
        if (joined) {
          for (const value of stream.replay.values()) observer.next(value as never)
        } else {
          streams.set(key, stream)
          stream.source = next(op).subscribe({
            next(value) {
              const type = (value as Envelope).result?.type
              if (type === 'started' || type === 'state') stream.replay.set(type, value)
              for (const each of [...stream.observers]) each.next(value)
            },
            error(error) {
              if (streams.get(key) === stream) streams.delete(key)
              for (const each of [...stream.observers]) each.error(error)
            },
            complete() {
              if (streams.get(key) === stream) streams.delete(key)
              for (const each of [...stream.observers]) each.complete()
            },
          })
        }
        return () => {
          stream.observers.delete(observer as Observer<unknown, unknown>)
          if (stream.observers.size > 0) return
          if (streams.get(key) === stream) streams.delete(key)
          stream.source?.unsubscribe()
        }
      })
    }
  }
}
