import { describe, expect, it } from 'vitest'
import { endWhenSessionEnds } from './session-recheck'

/** A source that yields `values` at once, then waits until `release` is called (like a quiet event stream). */
function source<T>(values: T[]) {
  let release: () => void = () => undefined
  let returned = false
  const iterable: AsyncIterable<T> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        if (values.length) return { done: false, value: values.shift()! }
        await new Promise<void>((resolve) => (release = resolve))
        return { done: true, value: undefined }
      },
      return: async () => {
        returned = true
        release()
        return { done: true, value: undefined }
      },
    }),
  }
  return { iterable, returned: () => returned }
}

describe('endWhenSessionEnds', () => {
  it('passes values through while the check holds', async () => {
    const { iterable } = source([1, 2])
    const stream = endWhenSessionEnds(iterable, async () => true, 10)[Symbol.asyncIterator]()
    expect(await stream.next()).toEqual({ done: false, value: 1 })
    expect(await stream.next()).toEqual({ done: false, value: 2 })
    await stream.return?.()
  })

  it('ends a quiet stream with sessionEnded once the check fails, and releases the source', async () => {
    const { iterable, returned } = source<number>([])
    let valid = true
    let checks = 0
    const stream = endWhenSessionEnds(
      iterable,
      async () => {
        checks += 1
        return valid
      },
      10,
    )[Symbol.asyncIterator]()
    const next = stream.next()
    await new Promise((r) => setTimeout(r, 35))
    expect(checks).toBeGreaterThan(0)
    valid = false
    await expect(next).rejects.toMatchObject({ code: 'UNAUTHORIZED', messageKey: 'sessionEnded' })
    expect(returned()).toBe(true)
    expect(await stream.next()).toEqual({ done: true, value: undefined })
  })

  it('re-checks on a busy stream too, not only while it is quiet', async () => {
    const values = Array.from({ length: 1000 }, (_, i) => i)
    const { iterable } = source(values)
    let checks = 0
    const stream = endWhenSessionEnds(
      iterable,
      async () => {
        checks += 1
        return checks < 2
      },
      1,
    )[Symbol.asyncIterator]()
    const read = async () => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 1))
        await stream.next()
      }
    }
    await expect(read()).rejects.toMatchObject({ messageKey: 'sessionEnded' })
    expect(checks).toBe(2)
  })
})
