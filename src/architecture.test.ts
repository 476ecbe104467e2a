/**
 * Proves the layer check (.dependency-cruiser.cjs, `npm run check:layers`) can fail: the real config
 * runs on two small trees written to a temp folder, one with a deliberate violation of each rule and
 * one that follows them all. A temp folder keeps the fixtures out of tsc, ESLint and Prettier.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const roots: string[] = []

/**
 * Writes `files` under a fresh temp folder and runs dependency-cruiser with the project's config and
 * the `err` reporter `npm run check:layers` uses; returns its exit code and "rule: from" per violation.
 */
function cruise(files: Record<string, string>): { exitCode: number | null; violations: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'layer-check-'))
  roots.push(dir)
  const all = { 'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~/*': ['./src/*'] } } }), ...files }
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  // so `whatsapp-web.js` resolves to a real package, as it does in the project
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
  const bin = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')
  const config = join(root, '.dependency-cruiser.cjs')
  const run = spawnSync(process.execPath, [bin, 'src', 'server.ts', '--config', config, '--output-type', 'err'], { cwd: dir, encoding: 'utf8' })
  const violations = [...run.stdout.matchAll(/^\s*error (\S+): (\S+)/gm)].map(([, rule, from]) => `${rule}: ${from}`)
  return { exitCode: run.status, violations: violations.sort() }
}

afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true })
})

// A tree that follows every rule; the violating tree below adds one breach per rule to it.
const clean: Record<string, string> = {
  'server.ts': "import { startWorkers } from './src/server/background'\nstartWorkers()\n",
  'src/server/background.ts':
    "import { handleIncoming } from './domain/messages/incoming'\nimport { startIncomingWorker } from './queues/incoming-worker'\nexport const startWorkers = () => startIncomingWorker(handleIncoming)\n",
  'src/server/db.ts': 'export const db = {}\n',
  'src/server/queues/incoming-worker.ts':
    "import { normalize } from '~/shared/text'\nexport const startIncomingWorker = (process: (s: string) => void) => process(normalize('x'))\n",
  'src/server/whatsapp/engines/webjs/engine.ts': "import { Client } from 'whatsapp-web.js'\nexport const engine = Client\n",
  'src/server/domain/messages/incoming.ts': "import { db } from '../../db'\nexport const handleIncoming = (s: string) => void [db, s]\n",
  'src/server/api/root.ts':
    "import { handleIncoming } from '../domain/messages/incoming'\nexport const appRouter = { handleIncoming }\nexport type AppRouter = typeof appRouter\n",
  'src/shared/text.ts': 'export const normalize = (s: string) => s.trim()\n',
  'src/server/db/generated/enums.ts': "export const Role = { ADMIN: 'ADMIN' } as const\n",
  'src/shared/enums.ts': "export { Role } from '../server/db/generated/enums'\n",
  'src/features/inbox/role-badge.tsx': "import { Role } from '~/shared/enums'\nexport const admin = Role.ADMIN\n",
  'src/trpc/react.tsx': "import type { AppRouter } from '~/server/api/root'\nexport type Router = AppRouter\n",
  'src/features/inbox/inbox.tsx':
    "import type { Router } from '~/trpc/react'\nimport { normalize } from '~/shared/text'\nexport type Inbox = [Router, typeof normalize]\n",
  'src/app/page.tsx': "import type { Inbox } from '~/features/inbox/inbox'\nexport type Page = Inbox\n",
}

// each case spawns dependency-cruiser (~1 s alone, several on a busy 2-core machine)
describe('layer check', { timeout: 60_000 }, () => {
  it('passes a tree that follows the layer rules', () => {
    const result = cruise(clean)
    expect(result.violations).toEqual([])
    expect(result.exitCode).toBe(0)
  })

  it('reports each kind of violation and fails', () => {
    const result = cruise({
      ...clean,
      // infrastructure reaching up into domain
      'src/server/queues/send-worker.ts': "import { handleIncoming } from '../domain/messages/incoming'\nexport const w = handleIncoming\n",
      // domain reaching up into the API layer
      'src/server/domain/messages/outgoing.ts': "import { appRouter } from '../../api/root'\nexport const o = appRouter\n",
      // React code importing server code
      'src/features/inbox/inbox-db.tsx': "import { db } from '~/server/db'\nexport const d = db\n",
      // React code importing generated Prisma code instead of its src/shared re-export
      'src/features/inbox/role-filter.tsx': "import { Role } from '~/server/db/generated/enums'\nexport const r = Role\n",
      // the tRPC client importing a value (not the type) from the router
      'src/trpc/query.ts': "import { appRouter } from '~/server/api/root'\nexport const q = appRouter\n",
      // a leaf importing from a layer
      'src/shared/format.ts': "import { db } from '../server/db'\nexport const f = db\n",
      // whatsapp-web.js outside its engine
      'src/server/whatsapp/session-manager.ts': "import { Client } from 'whatsapp-web.js'\nexport const s = Client\n",
      // a cycle
      'src/server/domain/clients/a.ts': "import { b } from './b'\nexport const a = () => b\n",
      'src/server/domain/clients/b.ts': "import { a } from './a'\nexport const b = () => a\n",
    })
    expect(result.violations).toEqual(
      [
        'layer-domain: src/server/domain/messages/outgoing.ts',
        'layer-infrastructure: src/server/queues/send-worker.ts',
        'leaf-imports-only-leaves: src/shared/format.ts',
        'no-circular: src/server/domain/clients/a.ts',
        'react-never-imports-server: src/features/inbox/inbox-db.tsx',
        'react-never-imports-server: src/features/inbox/role-filter.tsx',
        'trpc-imports-the-router-type-only: src/trpc/query.ts',
        'whatsapp-web-js-only-in-its-engine: src/server/whatsapp/session-manager.ts',
      ].sort(),
    )
    expect(result.exitCode).not.toBe(0)
  })
})
