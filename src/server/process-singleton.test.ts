import { describe, expect, it } from 'vitest'
import { processSingleton, processSlot } from './process-singleton'

describe('processSingleton', () => {
  it('creates once and returns the same value to every caller', () => {
    let created = 0
    const a = processSingleton('test-singleton-a', () => ({ n: ++created }))
    const b = processSingleton('test-singleton-a', () => ({ n: ++created }))
    expect(a).toBe(b)
    expect(created).toBe(1)
  })

  it('keeps different names apart', () => {
    expect(processSingleton('test-singleton-b', () => 1)).not.toBe(processSingleton('test-singleton-c', () => 2))
  })
})

describe('processSlot', () => {
  it('is empty until set, and two handles on one name share the value', () => {
    const first = processSlot<string>('test-slot')
    const second = processSlot<string>('test-slot')
    expect(first.get()).toBeUndefined()
    first.set('x')
    expect(second.get()).toBe('x')
    second.set(undefined)
    expect(first.get()).toBeUndefined()
  })
})
