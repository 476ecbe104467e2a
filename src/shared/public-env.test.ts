import { describe, expect, it } from 'vitest'
import { nodeEnvSchema } from './node-env'
import { publicEnv } from './public-env'

describe('public env', () => {
  it('carries NODE_ENV, validated', () => {
    expect(publicEnv.NODE_ENV).toBe('test')
    expect(nodeEnvSchema.parse(undefined)).toBe('development')
    expect(() => nodeEnvSchema.parse('staging')).toThrowError(/NODE_ENV must be development, production or test/)
  })
})
