/**
 * Structured logging. Secrets are redacted by path so a careless `log.info({ session })` cannot leak
 * session archives, password hashes or tokens.
 */
import pino from 'pino'

const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info')

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
