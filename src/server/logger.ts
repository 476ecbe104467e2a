/**
 * Structured logging. Secrets are redacted by path so a careless `log.info({ session })` cannot leak
 * session archives, password hashes or tokens.
 */
import pino from 'pino'
import { getEnvPart } from './env'

// Only the logging variables: the logger must come up even when the rest of the environment is bad, to say so.
const config = getEnvPart('LOG_LEVEL', 'NODE_ENV')
const level = config.LOG_LEVEL ?? (config.NODE_ENV === 'test' ? 'silent' : 'info')

export const logger = pino({
  level,
  base: { app: 'soul-crm' },
  redact: {
    paths: [
      'password',
      'passwordHash',
      '*.password',
      '*.passwordHash',
      'sessionData',
      '*.sessionData',
      'token',
      '*.token',
      'authorization',
      '*.authorization',
      'cookie',
      '*.cookie',
      'qrCode',
      '*.qrCode',
    ],
    censor: '[redacted]',
  },
})

export type Logger = pino.Logger

/** A child logger that stamps every line with the organization. */
export function orgLogger(organizationId: string, bindings: Record<string, unknown> = {}): Logger {
  return logger.child({ organizationId, ...bindings })
}
