import { describe, expect, it } from 'vitest'
import { AUTH_SECRET_PLACEHOLDER, parseEnv, parseEnvPart } from './env'

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
    expect(env.SHUTDOWN_TIMEOUT_MS).toBe(20_000)
    expect(env.LOG_LEVEL).toBeUndefined()
    expect(env.SIMULATOR_QR_ROTATE_MS).toBeUndefined()
  })

  it('INCOMING_CONCURRENCY: 2 by default, a whole number from 1 to 64', () => {
    expect(parseEnv(valid).INCOMING_CONCURRENCY).toBe(2)
    expect(parseEnv({ ...valid, INCOMING_CONCURRENCY: '16' }).INCOMING_CONCURRENCY).toBe(16)
    expect(parseEnv({ ...valid, INCOMING_CONCURRENCY: '' }).INCOMING_CONCURRENCY).toBe(2)
    expect(() => parseEnv({ ...valid, INCOMING_CONCURRENCY: '0' })).toThrowError(/INCOMING_CONCURRENCY must be at least 1/)
    expect(() => parseEnv({ ...valid, INCOMING_CONCURRENCY: '65' })).toThrowError(/INCOMING_CONCURRENCY must be at most 64/)
    expect(() => parseEnv({ ...valid, INCOMING_CONCURRENCY: '2.5' })).toThrowError(/INCOMING_CONCURRENCY must be a whole number/)
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

  it('in production refuses the .env.example placeholder and secrets under 32 bytes, naming AUTH_SECRET', () => {
    const production = { ...valid, NODE_ENV: 'production' }
    expect(() => parseEnv({ ...production, AUTH_SECRET: AUTH_SECRET_PLACEHOLDER })).toThrowError(/AUTH_SECRET: AUTH_SECRET is the \.env\.example placeholder/)
    expect(() => parseEnv({ ...production, AUTH_SECRET: 'x'.repeat(31) })).toThrowError(/AUTH_SECRET must be at least 32 bytes in production/)
    expect(parseEnv({ ...production, AUTH_SECRET: 'x'.repeat(32) }).AUTH_SECRET).toHaveLength(32)
    // Development keeps working with the example file as it is.
    expect(parseEnv({ ...valid, AUTH_SECRET: AUTH_SECRET_PLACEHOLDER }).AUTH_SECRET).toBe(AUTH_SECRET_PLACEHOLDER)
  })

  it('reads TRUST_PROXY as a number of proxies, and bounds AUTH_USER_RECHECK_MS at 30 s', () => {
    expect(parseEnv(valid).TRUST_PROXY).toBe(0)
    expect(parseEnv({ ...valid, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1)
    expect(parseEnv({ ...valid, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
    expect(() => parseEnv({ ...valid, TRUST_PROXY: 'yes' })).toThrowError(/TRUST_PROXY/)
    expect(parseEnv(valid).AUTH_USER_RECHECK_MS).toBe(15_000)
    expect(() => parseEnv({ ...valid, AUTH_USER_RECHECK_MS: '60000' })).toThrowError(/AUTH_USER_RECHECK_MS must be at most 30000/)
  })

  it('reads booleans', () => {
    expect(parseEnv({ ...valid, WHATSAPP_DISABLE_DELAYS: 'true' }).WHATSAPP_DISABLE_DELAYS).toBe(true)
  })

  it('reads and checks the shutdown deadline', () => {
    expect(parseEnv({ ...valid, SHUTDOWN_TIMEOUT_MS: '5000' }).SHUTDOWN_TIMEOUT_MS).toBe(5000)
    expect(parseEnv({ ...valid, SHUTDOWN_TIMEOUT_MS: '' }).SHUTDOWN_TIMEOUT_MS).toBe(20_000)
    expect(() => parseEnv({ ...valid, SHUTDOWN_TIMEOUT_MS: '-1' })).toThrowError(/SHUTDOWN_TIMEOUT_MS must be at least 1/)
    expect(() => parseEnv({ ...valid, SHUTDOWN_TIMEOUT_MS: 'soon' })).toThrowError(/SHUTDOWN_TIMEOUT_MS must be a whole number/)
  })

  it('reads and checks the simulator timing', () => {
    const env = parseEnv({ ...valid, SIMULATOR_QR_ROTATE_MS: '3000', SIMULATOR_QR_MAX_CODES: '2', SIMULATOR_STARTUP_MS: '0' })
    expect([env.SIMULATOR_QR_ROTATE_MS, env.SIMULATOR_QR_MAX_CODES, env.SIMULATOR_STARTUP_MS]).toEqual([3000, 2, 0])
    expect(() => parseEnv({ ...valid, SIMULATOR_QR_ROTATE_MS: '0' })).toThrowError(/SIMULATOR_QR_ROTATE_MS must be at least 1/)
    expect(() => parseEnv({ ...valid, SIMULATOR_QR_MAX_CODES: 'many' })).toThrowError(/SIMULATOR_QR_MAX_CODES must be a whole number/)
    expect(() => parseEnv({ ...valid, SIMULATOR_STARTUP_MS: '-5' })).toThrowError(/SIMULATOR_STARTUP_MS must be at least 0/)
    expect(() => parseEnv({ ...valid, SIMULATOR_STARTUP_MS: '1.5' })).toThrowError(/SIMULATOR_STARTUP_MS must be a whole number/)
  })

  it('refuses unknown enum values with the allowed ones', () => {
    expect(() => parseEnv({ ...valid, LOG_LEVEL: 'loud' })).toThrowError(/LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent/)
    expect(() => parseEnv({ ...valid, NODE_ENV: 'staging' })).toThrowError(/NODE_ENV must be development, production or test/)
    expect(() => parseEnv({ ...valid, WHATSAPP_SESSION_STORE: 'redis' })).toThrowError(/WHATSAPP_SESSION_STORE must be local or database/)
    expect(() => parseEnv({ ...valid, WHATSAPP_DISABLE_DELAYS: 'yes' })).toThrowError(/WHATSAPP_DISABLE_DELAYS/)
  })

  it('parses a part without requiring the rest', () => {
    expect(parseEnvPart({}, 'LOG_LEVEL', 'NODE_ENV', 'CHROMIUM_PATH')).toEqual({ NODE_ENV: 'development', CHROMIUM_PATH: '/usr/bin/chromium' })
    expect(() => parseEnvPart({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL')).toThrowError(/LOG_LEVEL must be/)
  })

  it('validates the profile backup, size warning, protocol timeout and chat-list wait settings', () => {
    const env = parseEnv(valid)
    expect([env.WHATSAPP_SESSION_FIRST_BACKUP_DELAY_MS, env.WHATSAPP_SESSION_BACKUP_INTERVAL_MS, env.WHATSAPP_SESSION_SIZE_WARN_MB]).toEqual([
      60_000, 900_000, 50,
    ])
    expect([env.WHATSAPP_PROTOCOL_TIMEOUT_MS, env.IMPORT_CHATS_STABLE_MS, env.IMPORT_CHATS_WAIT_MAX_MS]).toEqual([300_000, 10_000, 120_000])
    expect(parseEnv({ ...valid, WHATSAPP_SESSION_BACKUP_INTERVAL_MS: '60000', WHATSAPP_SESSION_SIZE_WARN_MB: '' }).WHATSAPP_SESSION_SIZE_WARN_MB).toBe(50)
    // RemoteAuth throws below 60000 (RemoteAuth.js:47): refused at boot instead.
    expect(() => parseEnv({ ...valid, WHATSAPP_SESSION_BACKUP_INTERVAL_MS: '59999' })).toThrowError(
      /WHATSAPP_SESSION_BACKUP_INTERVAL_MS must be at least 60000/,
    )
    expect(() => parseEnv({ ...valid, WHATSAPP_SESSION_SIZE_WARN_MB: '0' })).toThrowError(/WHATSAPP_SESSION_SIZE_WARN_MB must be at least 1/)
    expect(() => parseEnv({ ...valid, IMPORT_CHATS_STABLE_MS: 'soon' })).toThrowError(/IMPORT_CHATS_STABLE_MS must be a whole number/)
  })
})
