/**
 * End-to-end flows in the system Chromium (never a downloaded browser), against server.ts with the
 * simulator engine, its own database (soul_crm_e2e) and its own Redis prefix.
 * E2E_DEV=1 runs the server in development mode (no `next build` needed).
 */
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './src/server/chromium'

const port = Number(process.env.E2E_PORT ?? 3210)
const baseURL = `http://localhost:${port}`
const dbBase = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/soul_crm')
const namespace = process.env.SOUL_TEST_NAMESPACE ? `_${process.env.SOUL_TEST_NAMESPACE}` : ''
export const e2eDatabase = `soul_crm_e2e${namespace}`
dbBase.pathname = `/${e2eDatabase}`
export const e2eDatabaseUrl = dbBase.toString()

export const e2eServerEnv = {
  NODE_ENV: process.env.E2E_DEV ? 'development' : 'production',
  PORT: String(port),
  HOST: '127.0.0.1',
  DATABASE_URL: dbBase.toString(),
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  REDIS_PREFIX: `soul_e2e${namespace}`,
  // Production mode needs 32+ bytes that are not the .env.example placeholder.
  AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
  // Short, so the security tests see a deleted user refused within a second or two instead of 15 s.
  AUTH_USER_RECHECK_MS: '1000',
  // The security tests send X-Forwarded-For to act as many clients (sign-in throttling counts per IP).
  TRUST_PROXY: '1',
  // Lets tests (and helpers reading server memory) see /api/health's details.
  HEALTH_TOKEN: 'e2e-health-token-0123456789',
  // GET /metrics (e2e/observability.e2e.ts scrapes it).
  METRICS_TOKEN: 'e2e-metrics-token-0123456789',
  AUTH_URL: baseURL,
  WHATSAPP_ENGINE: 'simulator',
  WHATSAPP_DISABLE_DELAYS: 'true',
  // The local media store of the run (issue 14).
  MEDIA_DIR: `/tmp/soul-media-e2e${namespace}`,
  IMPORT_CHATS_STABLE_MS: '200',
  // A stalled login (e2e/real-whatsapp-login.e2e.ts) is given up after 3 s instead of 3 minutes.
  WHATSAPP_LOGIN_STALL_MS: '3000',
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  NEXT_TELEMETRY_DISABLED: '1',
}

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list']],
  use: {
    baseURL,
    // Our operators' browsers ask for Russian; a first visit follows Accept-Language (issue 13 point 9),
    // and the flows read Russian texts. e2e/inbox-unread.e2e.ts checks other browser languages.
    locale: 'ru-RU',
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node --import tsx server.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: e2eServerEnv,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
