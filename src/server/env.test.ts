import { describe, expect, it } from 'vitest'
import { parseEnv } from './env'

const valid = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/soul_crm',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  AUTH_SECRET: 'a-very-long-secret-value-here',
}

describe('parseEnv', () => {
  it('accepts a minimal environment and fills defaults', () => {
    const env = parseEnv(valid)
    expect(env.WHATSAPP_ENGINE).toBe('webjs')
    expect(env.CHROMIUM_PATH).toBe('/usr/bin/chromium')
    expect(env.PORT).toBe(3000)
    expect(env.REDIS_PREFIX).toBe('soul')
    expect(env.WHATSAPP_DISABLE_DELAYS).toBe(false)
  })

  it('names every missing variable', () => {
    expect(() => parseEnv({})).toThrowError(/DATABASE_URL[\s\S]*REDIS_URL[\s\S]*AUTH_SECRET/)
  })

  it('names a malformed variable', () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL must start with postgresql/)
    expect(() => parseEnv({ ...valid, WHATSAPP_ENGINE: 'baileys' })).toThrowError(/WHATSAPP_ENGINE must be webjs or simulator/)
    expect(() => parseEnv({ ...valid, PORT: 'eighty' })).toThrowError(/PORT/)
    expect(() => parseEnv({ ...valid, AUTH_SECRET: 'short' })).toThrowError(/AUTH_SECRET must be at least 16/)
  })

  it('reads booleans', () => {
    expect(parseEnv({ ...valid, WHATSAPP_DISABLE_DELAYS: 'true' }).WHATSAPP_DISABLE_DELAYS).toBe(true)
  })
})
