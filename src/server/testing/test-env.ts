/** The integration tests' own database and Redis prefix, derived from the developer's DATABASE_URL. */
// SOUL_TEST_NAMESPACE lets two runs on one machine (a developer and a CI check) keep apart.
const namespace = process.env.SOUL_TEST_NAMESPACE ? `_${process.env.SOUL_TEST_NAMESPACE}` : ''
const base = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/soul_crm')
base.pathname = `/soul_crm_test${namespace}`

export const integrationEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: base.toString(),
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  REDIS_PREFIX: `soul_test${namespace}`,
  // The incoming spool (PostgreSQL down) in a directory of the run's own, emptied by global-setup.
  INCOMING_SPOOL_DIR: `/tmp/soul-incoming-spool-test${namespace}`,
  // The local media store of the run (issue 14).
  MEDIA_DIR: `/tmp/soul-media-test${namespace}`,
  MEDIA_DOWNLOAD_RETRY_MS: '100',
  AUTH_SECRET: 'test-secret-not-for-production-0123456789',
  WHATSAPP_ENGINE: 'simulator',
  WHATSAPP_DISABLE_DELAYS: 'true',
  // The history import's wait for a stable chat list, short (the simulator's list is complete at once).
  IMPORT_CHATS_STABLE_MS: '50',
  IMPORT_CHATS_WAIT_MAX_MS: '2000',
  // Deactivation and deletion reach cached users and open streams within a fraction of a second.
  AUTH_USER_RECHECK_MS: '200',
} as const

/**
 * Unit tests use no services, but modules read the validated env: a complete one whose database and
 * Redis are unreachable (port 1), so a unit test that touches either fails at once instead of using real data.
 */
export const unitEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: 'postgresql://unit-tests-use-no-database@127.0.0.1:1/none',
  REDIS_URL: 'redis://127.0.0.1:1/0',
  REDIS_PREFIX: 'soul_unit',
  AUTH_SECRET: 'unit-test-secret-not-for-production-0123',
} as const
