/**
 * For the browser benchmarks: start server.ts (simulator engine, bench database and Redis prefix) and
 * a signed-in Chromium page. Uses the production build when there is one (`next build`), else dev mode.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from '@playwright/test'
import { DEMO } from '../prisma/seed-data'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/server/chromium'
import { benchNumber } from './bench-number'

export interface BenchServer {
  url: string
  page: Page
  stop: () => Promise<void>
  mode: 'production' | 'development'
}

export async function startBenchServer(extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  const port = benchNumber('BENCH_PORT', 3510)
  const url = `http://localhost:${port}`
  const mode = existsSync('.next/BUILD_ID') ? 'production' : 'development'
  const child: ChildProcess = spawn('node', ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: mode,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_SECRET: 'bench-secret-not-for-production-0123456789',
      AUTH_URL: url,
      LOG_LEVEL: 'error',
      NEXT_TELEMETRY_DISABLED: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('bench server did not start')
    await new Promise((r) => setTimeout(r, 500))
  }
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const page = await browser.newPage()
  // tsx compiles the functions we hand to page.evaluate with esbuild's `__name` helper: give the page one.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  await page.goto(`${url}/sign-in`)
  await page.getByTestId('email').fill(DEMO.admin.email)
  await page.getByTestId('password').fill(DEMO.admin.password)
  await page.getByTestId('sign-in-submit').click()
  await page.waitForURL(/\/conversations/, { timeout: 60_000 })
  return {
    url,
    page,
    mode,
    async stop() {
      await browser.close()
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}

/** Whatever happens, the server child must not outlive the bench: a crash stops it, then exits 1. */
export function stopServerOnCrash(server: BenchServer): void {
  const crash = (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    void server.stop().finally(() => process.exit(1))
  }
  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
}
