/**
 * How big is a RemoteAuth session archive of a fresh Chromium profile?
 *
 * Launches the system Chromium through the same Puppeteer whatsapp-web.js uses, with a fresh
 * userDataDir and the options the engine passes (headless, our flags, the library's user agent and
 * anti-automation flag), opens about:blank (WhatsApp is unreachable here), closes it, then zips
 * `Default/{Default,IndexedDB,Local Storage}` with RemoteAuth's own compressSession and prints the size.
 * A paired session adds WhatsApp's IndexedDB on top: measure that on a machine that can reach WhatsApp.
 *
 *   node --import tsx bench/webjs-session-size.ts [chromiumPath]
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type { PuppeteerNode } from 'puppeteer'
import wwebjs from 'whatsapp-web.js'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/server/chromium'

const chromiumPath = process.argv[2] ?? CHROMIUM_PATH

// The Puppeteer copy whatsapp-web.js itself loads (not a direct dependency of the app).
const requireFromLibrary = createRequire(createRequire(import.meta.url).resolve('whatsapp-web.js'))
const puppeteer = requireFromLibrary('puppeteer') as PuppeteerNode
const { DefaultOptions } = requireFromLibrary('./src/util/Constants') as { DefaultOptions: { userAgent: string } }

/** RemoteAuth's internals this script drives (not in the library's typings). */
interface RemoteAuthInternals {
  userDataDir: string
  sessionName: string
  compressSession(): Promise<string>
}

async function folderSize(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size
  }
  return total
}

async function main() {
  const dataPath = await mkdtemp(path.join(os.tmpdir(), 'soul-session-size-'))
  const clientId = 'org-bench'
  const sessionName = `RemoteAuth-${clientId}`
  const userDataDir = path.join(dataPath, sessionName)
  try {
    const browser = await puppeteer.launch({
      executablePath: chromiumPath,
      headless: true,
      defaultViewport: null,
      userDataDir,
      args: [...CHROMIUM_ARGS, `--user-agent=${DefaultOptions.userAgent}`, '--disable-blink-features=AutomationControlled'],
    })
    const [page] = await browser.pages()
    await page!.goto('about:blank')
    await browser.close()

    const noStore = { sessionExists: async () => false, save: async () => undefined, extract: async () => undefined, delete: async () => undefined }
    const auth = new wwebjs.RemoteAuth({ clientId, dataPath, store: noStore, backupSyncIntervalMs: 60_000 }) as unknown as RemoteAuthInternals
    auth.userDataDir = userDataDir
    auth.sessionName = sessionName
    const zipPath = await auth.compressSession()
    const archiveBytes = (await stat(zipPath)).size
    const profileBytes = await folderSize(userDataDir)

    console.log(`Chromium: ${chromiumPath}`)
    console.log(`fresh profile on disk: ${profileBytes} bytes (${(profileBytes / 1024).toFixed(1)} KiB)`)
    console.log(`RemoteAuth archive (Default/{Default,IndexedDB,Local Storage}): ${archiveBytes} bytes (${(archiveBytes / 1024).toFixed(1)} KiB)`)
  } finally {
    await rm(dataPath, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
