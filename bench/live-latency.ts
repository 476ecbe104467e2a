/**
 * bench/live-latency: time from an incoming message's row being committed to it being drawn in an
 * open ConversationView, over 20 messages (delays off). The commit time is when the bench receives the
 * message.created event (published right after the commit; Redis pub/sub on loopback adds well under
 * a millisecond); the drawn time is the frame after the bubble appears, both on this machine's clock.
 *
 *   node --import tsx bench/live-latency.ts
 */
import './bench-env'
import { execFileSync } from 'node:child_process'
import { percentile, prepareBenchStores } from './bench-env'
import { startBenchServer, stopServerOnCrash } from './browser-server'

const SAMPLES = 20
await prepareBenchStores()
execFileSync('node', ['--import', 'tsx', 'scripts/prepare-db.ts', 'soul_crm_bench', '--seed'], { stdio: 'ignore' })
const server = await startBenchServer({ SIMULATOR_STARTUP_MS: '0' })
const { page } = server
stopServerOnCrash(server)
const { db } = await import('../src/server/db')
const { getEventBus } = await import('../src/server/events/event-bus')
const phone = await import('../src/server/whatsapp/engines/simulator/simulator-control')
const { createWhatsAppClientConfig } = await import('../src/server/whatsapp/phone')
const { DEMO } = await import('../prisma/seed-data')
const org = DEMO.organizationId
const clientId = createWhatsAppClientConfig(org, 'integration').clientId

// Connect the demo organization's simulated phone.
await page.goto(`${server.url}/settings/whatsapp`)
await page.getByTestId('whatsapp-connect').click()
await page.getByTestId('whatsapp-qr').waitFor()
await phone.scanQr(clientId)
await page.locator('[data-testid="whatsapp-status"][data-status="CONNECTED"]').waitFor({ timeout: 30_000 })

// Open the conversation of a known customer.
const customer = '+996555123456'
const conversation = await db.conversation.findFirstOrThrow({ where: { organizationId: org, client: { phone: customer } }, select: { id: true } })
await page.goto(`${server.url}/conversations/${conversation.id}`)
await page.getByTestId('message-thread').waitFor()
await page.evaluate(() => {
  const drawn: Record<string, number> = {}
  ;(window as unknown as { __drawn: typeof drawn }).__drawn = drawn
  new MutationObserver(() => {
    for (const bubble of document.querySelectorAll('[data-testid="message-bubble"]')) {
      const match = bubble.textContent?.match(/bench-live-(\d+)\./)
      if (match && !drawn[match[1]!]) {
        drawn[match[1]!] = -1
        requestAnimationFrame(() => (drawn[match[1]!] = Date.now()))
      }
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true })
})

const committed: Record<string, number> = {}
const abort = new AbortController()
void (async () => {
  for await (const e of getEventBus().subscribe(org, { types: ['message.created'], signal: abort.signal })) {
    const match = e.event.data.message.content.match(/bench-live-(\d+)\./)
    if (match) committed[match[1]!] = Date.now()
  }
})()
await new Promise((r) => setTimeout(r, 500))
for (let i = 0; i < SAMPLES; i++) {
  await phone.sendAsCustomer(clientId, { from: customer, body: `Сообщение bench-live-${i}. Спасибо` })
  await page
    .waitForFunction((n) => ((window as unknown as { __drawn: Record<string, number> }).__drawn[n] ?? 0) > 0, String(i), { timeout: 30_000 })
    .catch(async (err) => {
      await page.screenshot({ path: '/tmp/live-latency-failure.png' })
      throw err
    })
  await new Promise((r) => setTimeout(r, 250))
}
abort.abort()
const drawn = await page.evaluate(() => (window as unknown as { __drawn: Record<string, number> }).__drawn)
const latencies = Object.keys(drawn)
  .filter((k) => committed[k])
  .map((k) => drawn[k]! - committed[k]!)
  .sort((a, b) => a - b)
process.stdout.write(
  `committed → drawn in ConversationView (${server.mode} build, ${latencies.length} samples): median ${percentile(latencies, 50)} ms, min ${latencies[0]} ms, p90 ${percentile(latencies, 90)} ms, max ${latencies[latencies.length - 1]} ms\n`,
)
await server.stop()
await db.$disconnect()
process.exit(0)
