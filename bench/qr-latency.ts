/**
 * bench/qr-latency: time from the engine emitting a QR to the browser drawing it on Settings →
 * WhatsApp, over 20 QR codes (the simulator rotates them every 700 ms here). The engine stamps each
 * QR's emission in Redis; the page stamps each new `data-qr` with a MutationObserver; both clocks are
 * this machine's. Prints the median and the spread.
 *
 *   node --import tsx bench/qr-latency.ts
 */
import './bench-env'
import { execFileSync } from 'node:child_process'
import { percentile, prepareBenchStores } from './bench-env'
import { startBenchServer, stopServerOnCrash } from './browser-server'

const SAMPLES = 20
await prepareBenchStores()
execFileSync('node', ['--import', 'tsx', 'scripts/prepare-db.ts', 'soul_crm_bench', '--seed'], { stdio: 'ignore' })
const server = await startBenchServer({ SIMULATOR_QR_ROTATE_MS: '700', SIMULATOR_QR_MAX_CODES: String(SAMPLES + 5), SIMULATOR_STARTUP_MS: '0' })
const { page } = server
stopServerOnCrash(server)
await page.goto(`${server.url}/settings/whatsapp`)
await page.getByTestId('whatsapp-connect').waitFor({ timeout: 60_000 })
await page.evaluate(() => {
  const seen: Array<{ qr: string; at: number }> = []
  ;(window as unknown as { __qrSeen: typeof seen }).__qrSeen = seen
  const record = () => {
    const el = document.querySelector('[data-testid="whatsapp-qr"]')
    const qr = el?.getAttribute('data-qr')
    if (qr && seen[seen.length - 1]?.qr !== qr) {
      // The frame after the DOM change is when the QR is on screen.
      requestAnimationFrame(() => seen.push({ qr, at: Date.now() }))
    }
  }
  new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-qr'] })
})
await page.getByTestId('whatsapp-connect').click()
await page.waitForFunction((n) => (window as unknown as { __qrSeen: unknown[] }).__qrSeen.length >= n, SAMPLES + 1, { timeout: 120_000 })
const seen = (await page.evaluate(() => (window as unknown as { __qrSeen: Array<{ qr: string; at: number }> }).__qrSeen)).slice(1, SAMPLES + 1)
const { getRedis } = await import('../src/server/redis')
const { simKey } = await import('../src/server/whatsapp/engines/simulator/simulator-state')
const latencies: number[] = []
for (const { qr, at } of seen) {
  const emitted = Number(await getRedis().get(simKey.qrEmittedAt(qr)))
  if (emitted) latencies.push(at - emitted)
}
latencies.sort((a, b) => a - b)
process.stdout.write(
  `qr emitted → drawn (${server.mode} build, ${latencies.length} samples): median ${percentile(latencies, 50)} ms, min ${latencies[0]} ms, p90 ${percentile(latencies, 90)} ms, max ${latencies[latencies.length - 1]} ms\n`,
)
getRedis().disconnect()
await server.stop()
process.exit(0)
