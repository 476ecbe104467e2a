/**
 * The server's environment, validated with zod once at boot. A missing or malformed variable stops the
 * process with a message naming it, instead of failing later somewhere deep inside a request.
 */
import { z } from 'zod'

const booleanish = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1')

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (postgresql://user@host:5432/db)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgresql://'),
  REDIS_URL: z
    .string({ error: 'REDIS_URL is required (redis://host:6379/0)' })
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis://'),
  REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/, 'REDIS_PREFIX may hold letters, digits, _ and - only').default('soul'),
  AUTH_SECRET: z.string({ error: 'AUTH_SECRET is required' }).min(16, 'AUTH_SECRET must be at least 16 characters'),
  AUTH_URL: z.url('AUTH_URL must be a URL such as http://localhost:3000').optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  WHATSAPP_ENGINE: z.enum(['webjs', 'simulator'], { error: 'WHATSAPP_ENGINE must be webjs or simulator' }).default('webjs'),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  WHATSAPP_SESSION_STORE: z.enum(['local', 'database']).optional(),
  WHATSAPP_DATA_PATH: z.string().default('.whatsapp-sessions'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Turns the human-like delays off (tests, benchmarks). Never set in production. */
  WHATSAPP_DISABLE_DELAYS: booleanish,
})

export type Env = z.infer<typeof envSchema>

/** Parses an environment object; throws an Error whose message names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}\nSee .env.example for every variable.`)
  }
  return result.data
}

let cached: Env | undefined

/** The validated environment of this process (parsed on first use). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}
