/**
 * A server process (background-server.ts: sessions, workers, relay) started by a test or a bench, so it
 * can be killed with SIGKILL under load, stopped with SIGTERM, or run beside a second one (failover).
 * Its environment is this process's plus `env` (database, Redis prefix, engine, port). Output goes to
 * `logFile` when given (LOG_LEVEL=info in `env` to see the logs), otherwise nowhere.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, closeSync, openSync } from 'node:fs'

export class ServerProcess {
  private child: ChildProcess | null = null
  /** When the last start() saw the process ready (ms since the epoch). */
  readyAt = 0

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
    private readonly logFile?: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null
  }

  /** Starts the process and resolves once it printed `ready` (rejects if it exits first or takes over `timeoutMs`). */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`)
    const startedAt = Date.now()
    const log = this.logFile ? openSync(this.logFile, 'a') : null
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/testing/background-server.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', log ?? 'ignore'],
    })
    if (log !== null) closeSync(log)
    this.child = child
    await new Promise<void>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(() => reject(new Error(`${this.name} not ready after ${timeoutMs} ms`)), timeoutMs)
      child.stdout!.on('data', (chunk: Buffer) => {
        if (this.logFile) appendFileSync(this.logFile, chunk)
        if (this.readyAt >= startedAt) return
        output += chunk.toString()
        if (/^ready \d+$/m.test(output)) {
          clearTimeout(timer)
          this.readyAt = Date.now()
          resolve()
        }
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`${this.name} exited before it was ready (code ${code}, signal ${signal})`))
      })
    })
  }

  /** kill -9: no shutdown hook runs, leases and locks are left to expire. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL')
  }

  /** A clean stop (SIGTERM, the ordered shutdown); SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 30_000): Promise<void> {
    const child = this.child
    if (!child || !this.running) return
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    await this.signal('SIGTERM')
    clearTimeout(timer)
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child
    if (!child || !this.running) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill(signal)
    await exited
  }
}
