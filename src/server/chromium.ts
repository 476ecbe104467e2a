/**
 * How this product runs the system Chromium (whatsapp-web.js, Playwright, benches): never a
 * downloaded browser, and with the flags a closed network and a container need (without the
 * background-networking ones Chromium keeps dialing hosts it cannot reach).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
