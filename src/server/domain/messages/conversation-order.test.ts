import { describe, expect, it } from 'vitest'
import { orderWaitMs } from './conversation-order'

describe('orderWaitMs', () => {
  it('is half the pacing gap, between 300 ms and 2 s', () => {
    expect(orderWaitMs(20)).toBe(1500)
    expect(orderWaitMs(10)).toBe(2000)
    expect(orderWaitMs(1)).toBe(2000)
    expect(orderWaitMs(1000)).toBe(300)
  })
})
