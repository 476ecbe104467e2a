/**
 * The server's environment, validated with zod once at boot. A missing or malformed variable stops the
 * process with a message naming it, instead of failing later somewhere deep inside a request.
 * This is the one module that reads process.env; every other module asks getEnv() (or getEnvPart()).
 */
import { z } from 'zod'
import { nodeEnvSchema } from '../shared/node-env'

const booleanish = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1')

// `X=` in a .env file means "not set", not zero.
const emptyAsUnset = (v: unknown) => (v === '' ? undefined : v)

/** A whole number of milliseconds (or a count) of at least `min`, named in the error. */
function wholeNumber(name: string, min: number, what = 'milliseconds') {
  return z.coerce
    .number({ error: `${name} must be a whole number of ${what}` })
    .int(`${name} must be a whole number of ${what}`)
    .min(min, `${name} must be at least ${min} (${what})`)
}

/** The AUTH_SECRET .env.example ships with: a production server refuses to boot with it. */
export const AUTH_SECRET_PLACEHOLDER = 'change-me-to-a-long-random-string-of-32-chars'

/** TRUST_PROXY: how many reverse proxies in front of the server append to X-Forwarded-For (true = 1; unset, false or 0 = trust none). */
const proxyHops = z.preprocess(
  (v) => (v === undefined || v === '' || v === 'false' ? 0 : v === 'true' ? 1 : v),
  z.coerce
    .number({ error: 'TRUST_PROXY must be true, false or a number of proxies' })
    .int('TRUST_PROXY must be true, false or a number of proxies')
    .min(0)
    .max(10),
)

export const envSchema = z.object({
  NODE_ENV: nodeEnvSchema,
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (postgresql://user@host:5432/db)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgresql://'),
  REDIS_URL: z.string({ error: 'REDIS_URL is required (redis://host:6379/0)' }).regex(/^rediss?:\/\//, 'REDIS_URL must start with redis://'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'REDIS_PREFIX may hold letters, digits, _ and - only')
    .default('soul'),
  AUTH_SECRET: z.string({ error: 'AUTH_SECRET is required' }).min(16, 'AUTH_SECRET must be at least 16 characters'),
  /** How long a user's existence, active state, role and organization are cached per process (open subscriptions re-check every half of it). */
  AUTH_USER_RECHECK_MS: z.preprocess(
    emptyAsUnset,
    wholeNumber('AUTH_USER_RECHECK_MS', 100).max(30_000, 'AUTH_USER_RECHECK_MS must be at most 30000').default(15_000),
  ),
  TRUST_PROXY: proxyHops,
  /** Failed sign-ins from one IP address within 15 minutes before it is throttled (an office behind one NAT shares it). */
  SIGN_IN_IP_MAX_FAILURES: z.preprocess(emptyAsUnset, wholeNumber('SIGN_IN_IP_MAX_FAILURES', 5, 'attempts').default(50)),
  /** Shows /api/health's details to a request carrying it (Authorization: Bearer … or x-health-token). Unset: only to SUPER_ADMIN. */
  HEALTH_TOKEN: z.preprocess(emptyAsUnset, z.string().min(16, 'HEALTH_TOKEN must be at least 16 characters').optional()),
  /** Turns GET /metrics (Prometheus) on; scrapes must send `Authorization: Bearer <token>`. Unset: the endpoint is off (404). */
  METRICS_TOKEN: z.preprocess(emptyAsUnset, z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional()),
  /** The queue dashboard (/admin/queues, SUPER_ADMIN only) may retry, promote and clean jobs. Default: read-only. */
  QUEUE_DASHBOARD_WRITABLE: booleanish,
  AUTH_URL: z.url('AUTH_URL must be a URL such as http://localhost:3000').optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** How long server.ts waits for the ordered shutdown before it exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.preprocess(emptyAsUnset, wholeNumber('SHUTDOWN_TIMEOUT_MS', 1).default(20_000)),
  WHATSAPP_ENGINE: z.enum(['webjs', 'simulator'], { error: 'WHATSAPP_ENGINE must be webjs or simulator' }).default('webjs'),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /**
   * This server's name in session leases. Unset: `<hostname>:<PORT>`, the same after a restart, so a
   * restarted server takes its sessions back at once instead of waiting for its dead self's leases to expire.
   * Must differ between servers that run at the same time.
   */
  WHATSAPP_INSTANCE_ID: z.preprocess(emptyAsUnset, z.string().min(1).max(200).optional()),
  /** Sessions (live and import) one server runs at most; unset: derived from the machine's memory and the engine (session-placement.ts). */
  MAX_SESSIONS_PER_NODE: z.preprocess(emptyAsUnset, wholeNumber('MAX_SESSIONS_PER_NODE', 1, 'sessions').optional()),
  WHATSAPP_SESSION_STORE: z.enum(['local', 'database'], { error: 'WHATSAPP_SESSION_STORE must be local or database' }).optional(),
  WHATSAPP_DATA_PATH: z.string().default('.whatsapp-sessions'),
  /** How long `ready` may take after the phone linked before the login counts as stalled (default 3 minutes). */
  WHATSAPP_LOGIN_STALL_MS: z.preprocess(emptyAsUnset, wholeNumber('WHATSAPP_LOGIN_STALL_MS', 1000).default(180_000)),
  /** Pins the WhatsApp Web build (whatsapp-web.js `webVersion`, e.g. 2.3000.1017054665); unset = the library's choice. */
  WHATSAPP_WEB_VERSION: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^\d+\.\d+\.\d+(-[\w.]+)?$/, 'WHATSAPP_WEB_VERSION must look like 2.3000.1017054665')
      .optional(),
  ),
  /**
   * Where pinned builds are downloaded from (`webVersionCache: { type: 'remote', remotePath }`, `{version}`
   * is replaced); unset = a local cache beside the sessions.
   */
  WHATSAPP_WEB_VERSION_REMOTE_PATH: z.preprocess(
    emptyAsUnset,
    z
      .url('WHATSAPP_WEB_VERSION_REMOTE_PATH must be a URL containing {version}')
      .refine((v) => v.includes('{version}'), 'WHATSAPP_WEB_VERSION_REMOTE_PATH must contain {version}')
      .optional(),
  ),
  /** Unset: silent under NODE_ENV=test, info otherwise (see logger.ts). */
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent',
    })
    .optional(),
  /** RemoteAuth profile saves: the first one this long after `ready`, then every interval (RemoteAuth's minimum is 60000). */
  WHATSAPP_SESSION_FIRST_BACKUP_DELAY_MS: z.preprocess(emptyAsUnset, wholeNumber('WHATSAPP_SESSION_FIRST_BACKUP_DELAY_MS', 0).default(60_000)),
  WHATSAPP_SESSION_BACKUP_INTERVAL_MS: z.preprocess(emptyAsUnset, wholeNumber('WHATSAPP_SESSION_BACKUP_INTERVAL_MS', 60_000).default(15 * 60_000)),
  /** A stored profile archive larger than this is reported (logs and the status card). */
  WHATSAPP_SESSION_SIZE_WARN_MB: z.preprocess(emptyAsUnset, wholeNumber('WHATSAPP_SESSION_SIZE_WARN_MB', 1, 'megabytes').default(50)),
  /** Puppeteer's limit for one DevTools call (getChats, fetchMessages on a large account). */
  WHATSAPP_PROTOCOL_TIMEOUT_MS: z.preprocess(emptyAsUnset, wholeNumber('WHATSAPP_PROTOCOL_TIMEOUT_MS', 1_000).default(300_000)),
  /** History import: start reading once the chat list kept its length this long, waiting at most the cap. */
  IMPORT_CHATS_STABLE_MS: z.preprocess(emptyAsUnset, wholeNumber('IMPORT_CHATS_STABLE_MS', 0).default(10_000)),
  IMPORT_CHATS_WAIT_MAX_MS: z.preprocess(emptyAsUnset, wholeNumber('IMPORT_CHATS_WAIT_MAX_MS', 0).default(120_000)),
  /** Where incoming messages wait while PostgreSQL is down (an append-only, fsynced file); unset = <WHATSAPP_DATA_PATH>/incoming-spool. One directory per server process. */
  INCOMING_SPOOL_DIR: z.preprocess(emptyAsUnset, z.string().optional()),
  /** The spool's size bound in MB: a warning from 80 %, and further messages refused when full. */
  INCOMING_SPOOL_MAX_MB: z.preprocess(emptyAsUnset, wholeNumber('INCOMING_SPOOL_MAX_MB', 1, 'megabytes').default(64)),
  /** Incoming messages processed at once per server process (the incoming worker's concurrency); at most 64, below the database pool it shares. */
  INCOMING_CONCURRENCY: z.preprocess(
    emptyAsUnset,
    wholeNumber('INCOMING_CONCURRENCY', 1, 'jobs').max(64, 'INCOMING_CONCURRENCY must be at most 64 (jobs)').default(2),
  ),
  /** The local media store (content-addressed files); used unless MEDIA_S3_BUCKET is set. */
  MEDIA_DIR: z.preprocess(emptyAsUnset, z.string().default('.data/media')),
  /** The largest media file stored (bytes); a larger one stays a placeholder with the reason. */
  MEDIA_MAX_BYTES: z.preprocess(emptyAsUnset, wholeNumber('MEDIA_MAX_BYTES', 1024, 'bytes').default(16 * 1024 * 1024)),
  /** The first retry of a failed media download waits this long, then twice as long each time (4 attempts). */
  MEDIA_DOWNLOAD_RETRY_MS: z.preprocess(emptyAsUnset, wholeNumber('MEDIA_DOWNLOAD_RETRY_MS', 0).default(5000)),
  /** S3-compatible object storage for media (all of bucket, access key and secret set = S3 instead of MEDIA_DIR). */
  MEDIA_S3_ENDPOINT: z.preprocess(emptyAsUnset, z.url('MEDIA_S3_ENDPOINT must be a URL such as https://s3.example.com').optional()),
  MEDIA_S3_REGION: z.preprocess(emptyAsUnset, z.string().default('us-east-1')),
  MEDIA_S3_BUCKET: z.preprocess(emptyAsUnset, z.string().optional()),
  MEDIA_S3_ACCESS_KEY_ID: z.preprocess(emptyAsUnset, z.string().optional()),
  MEDIA_S3_SECRET_ACCESS_KEY: z.preprocess(emptyAsUnset, z.string().optional()),
  /** Path-style URLs (`endpoint/bucket/key`): MinIO and most self-hosted S3 servers need it. */
  MEDIA_S3_FORCE_PATH_STYLE: booleanish,
  /** An outgoing message PENDING this long may be retried by an operator (the UI offers Retry after the shared default, 2 minutes). */
  MESSAGE_PENDING_RETRY_AFTER_MS: z.preprocess(emptyAsUnset, wholeNumber('MESSAGE_PENDING_RETRY_AFTER_MS', 0).default(120_000)),
  /** Turns the human-like delays off (tests, benchmarks). Never set in production. */
  WHATSAPP_DISABLE_DELAYS: booleanish,
  /** Agents do not answer a customer a person answered (CRM or phone) within this many minutes; 0 = never pause. */
  AGENT_PAUSE_AFTER_HUMAN_MINUTES: z.preprocess(emptyAsUnset, wholeNumber('AGENT_PAUSE_AFTER_HUMAN_MINUTES', 0, 'minutes').default(10)),
  /** Simulator timing (demos speed up QR rotation); unset keeps the simulator's own defaults. */
  SIMULATOR_QR_ROTATE_MS: z.preprocess(emptyAsUnset, wholeNumber('SIMULATOR_QR_ROTATE_MS', 1).optional()),
  SIMULATOR_QR_MAX_CODES: z.preprocess(emptyAsUnset, wholeNumber('SIMULATOR_QR_MAX_CODES', 1, 'QR codes').optional()),
  SIMULATOR_STARTUP_MS: z.preprocess(emptyAsUnset, wholeNumber('SIMULATOR_STARTUP_MS', 0).optional()),
})

/** Checks across variables, made when the whole environment is parsed (not for parts). */
const checkedEnvSchema = envSchema.superRefine((env, ctx) => {
  if (env.MEDIA_S3_BUCKET && (!env.MEDIA_S3_ACCESS_KEY_ID || !env.MEDIA_S3_SECRET_ACCESS_KEY)) {
    ctx.addIssue({ code: 'custom', path: ['MEDIA_S3_BUCKET'], message: 'MEDIA_S3_BUCKET needs MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY' })
  }
  // Anyone who knows the secret can mint a session for any user: production needs a real, long one.
  if (env.NODE_ENV !== 'production' || typeof env.AUTH_SECRET !== 'string') return
  if (env.AUTH_SECRET === AUTH_SECRET_PLACEHOLDER || env.AUTH_SECRET.startsWith('change-me')) {
    ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'AUTH_SECRET is the .env.example placeholder: generate one (openssl rand -base64 32)' })
  } else if (Buffer.byteLength(env.AUTH_SECRET, 'utf8') < 32) {
    ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'AUTH_SECRET must be at least 32 bytes in production (openssl rand -base64 32)' })
  }
})

export type Env = z.infer<typeof envSchema>
type EnvKey = keyof typeof envSchema.shape

function failure(error: z.ZodError): Error {
  const lines = error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`)
  return new Error(`Invalid environment:\n${lines.join('\n')}\nSee .env.example for every variable.`)
}

/** Parses an environment object; throws an Error whose message names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = checkedEnvSchema.safeParse(source)
  if (!result.success) throw failure(result.error)
  return result.data
}

/**
 * Some variables, validated like the rest, without requiring the others: for the logger (which must
 * come up to report a bad environment) and tools that run without the app's config (Playwright, benches).
 */
export function parseEnvPart<K extends EnvKey>(source: Record<string, string | undefined>, ...keys: K[]): Pick<Env, K> {
  const part = z.object(Object.fromEntries(keys.map((k) => [k, envSchema.shape[k]])))
  const result = part.safeParse(source)
  if (!result.success) throw failure(result.error)
  return result.data as unknown as Pick<Env, K>
}

let cached: Env | undefined

/** The validated environment of this process (parsed on first use). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** The named variables of this process, validated, without requiring the rest. */
export function getEnvPart<K extends EnvKey>(...keys: K[]): Pick<Env, K> {
  return parseEnvPart(process.env, ...keys)
}

/** Forgets the parsed environment, for tests that change process.env after something read it. */
export function resetEnvForTests(): void {
  cached = undefined
}
