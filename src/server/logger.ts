/**
 * Structured logging. Secrets are redacted by path so a careless `log.info({ session })` cannot leak
 * session archives, password hashes or tokens.
 */
import pino from 'pino'
import { getEnvPart } from './env'
import { currentLogContext } from './log-context'
import { processSingleton } from './process-singleton'

/** Tests listen to the serialized lines (a request id followed through the logs); empty in production. */
const logTaps = processSingleton('log-taps', () => new Map<(line: string) => void, { swallow: boolean }>())

/**
 * Calls `tap` with every log line written from now on, until the returned function is called; with
 * `swallow` the lines are not written out (a test that raised the level keeps its output quiet).
 */
export function tapLogs(tap: (line: string) => void, options: { swallow?: boolean } = {}): () => void {
  logTaps.set(tap, { swallow: options.swallow ?? false })
  return () => logTaps.delete(tap)
}

// Only the logging variables: the logger must come up even when the rest of the environment is bad, to say so.
const config = getEnvPart('LOG_LEVEL', 'NODE_ENV')
const level = config.LOG_LEVEL ?? (config.NODE_ENV === 'test' ? 'silent' : 'info')

export const logger = pino({
  level,
  base: { app: 'soul-crm' },
  // The request, job and organization ids of the current request or job (log-context.ts) on every line.
  // A key the line's own child logger already binds (orgLogger's organizationId) is not repeated.
  mixin: (_object, _level, self) => {
    const context: Record<string, unknown> = { ...currentLogContext() }
    for (const key of Object.keys(self.bindings())) delete context[key]
    return context
  },
  hooks: {
    streamWrite: (line) => {
      let swallow = false
      for (const [tap, options] of logTaps) {
        tap(line)
        swallow ||= options.swallow
      }
      return swallow ? '' : line
    },
  },
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
