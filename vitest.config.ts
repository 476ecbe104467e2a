/**
 * Two projects: `unit` (no services, fake engine) and `integration` (*.int.test.ts, real PostgreSQL
 * and Redis, in the soul_crm_test database and the soul_test key prefix: never the demo data).
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { integrationEnv, unitEnv } from './src/server/testing/test-env.ts'

const src = fileURLToPath(new URL('./src', import.meta.url))

export default defineConfig({
  resolve: { alias: { '~': src } },
  test: {
    reporters: process.env.VITEST_JSON ? ['default', ['json', { outputFile: process.env.VITEST_JSON }]] : ['default'],
    projects: [
      {
        resolve: { alias: { '~': src } },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          // One module graph per worker instead of one per file: 93 s → 27 s on 2 cores (most of the time
          // went to importing the same modules 81 times). Unit tests keep no state between files; a
          // run with the files shuffled passes the same.
          isolate: false,
          env: { ...unitEnv },
        },
      },
      {
        resolve: { alias: { '~': src } },
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['src/server/testing/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { ...integrationEnv },
        },
      },
    ],
  },
})
