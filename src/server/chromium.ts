/**
 * How this product runs the system Chromium (whatsapp-web.js, Playwright, benches): never a
 * downloaded browser, and with the flags a closed network and a container need (without the
 * background-networking ones Chromium keeps dialing hosts it cannot reach).
 */
import { getEnvPart } from './env'

// Read alone: Playwright's config and the benches import this without the app's full environment.
export const CHROMIUM_PATH = getEnvPart('CHROMIUM_PATH').CHROMIUM_PATH

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
