/**
 * kill -9 of a server process under load (issue 10 point 5): a child process runs the server's
 * background (background.ts, as server.ts starts it: sessions on the simulator, workers, relay) against
 * the test database and Redis prefix. Customers write through the simulator (WhatsApp holds what arrives
 * while no session runs) and operators reply in several conversations; the process is killed with
 * SIGKILL mid-flow while more of both arrive, and a new one is started. Nothing may be lost or sent
 * twice (sends are counted in the simulated WhatsApp's log in Redis, which outlives the process),
 * replies keep their order per conversation, the sessions come back without a QR, and the pipeline
 * resumes within 10 s of the new process being up. The figures are printed.
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatFaultTable } from '../../testing/fault-run'
import { expectCleanRecovery } from '../../testing/fault-assertions'
import { runServerFault } from '../../testing/fault-scenarios'

describe('kill -9 of the server process under load', () => {
  it('loses nothing and sends nothing twice, keeps each conversation in order, comes back without a QR, resumes within 10 s', async () => {
    const report = await runServerFault(
      'kill -9 server',
      {
        organizations: 4,
        customers: 3,
        incomingBefore: 24,
        incomingDuring: 24,
        repliesBefore: 1,
        repliesDuring: 1,
        conversations: 2,
        outageMs: 1000,
        drainTimeoutMs: 45_000,
      },
      {
        // Human-like delays on (2-5 s before an incoming message is processed): more work in flight at the kill.
        env: { WHATSAPP_ENGINE: 'simulator', WHATSAPP_DISABLE_DELAYS: 'false', ...(process.env.DEBUG_FAULTS ? { LOG_LEVEL: 'info' } : {}) },
        ports: [3502, 3503],
        ...(process.env.DEBUG_FAULTS ? { logFile: join(tmpdir(), 'soul-faults-server.log') } : {}),
      },
    )
    process.stdout.write(`${formatFaultTable([report])}\n`)
    expect(report.note).toBeUndefined()
    expectCleanRecovery(report, { incoming: 48, replies: 16 })
  }, 120_000)
})
