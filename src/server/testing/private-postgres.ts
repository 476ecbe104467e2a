/**
 * A PostgreSQL cluster of a test's own (initdb + pg_ctl from the installed binaries, in a temp dir, on
 * its own port), so a test can stop it with `pg_ctl stop -m immediate` mid-flow and start it again
 * without disturbing anything else on the machine. initdb refuses to run as root: then every command
 * runs as the `postgres` OS user (runuser -u postgres --). `PrivatePostgres.find()` returns null when no
 * binaries exist, so a test can skip with a clear message.
 */
import { execFile, execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { waitFor } from './wait-for'

const run = promisify(execFile)

/** The newest installed PostgreSQL's bin directory (Debian layout, or PG_BIN_DIR), or null. */
export function findPostgresBinaries(): string | null {
  const candidates = [process.env.PG_BIN_DIR ?? '']
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
    candidates.push(...versions.map((v) => join(root, v, 'bin')))
  }
  return candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null
}

export class PrivatePostgres {
  readonly dir: string
  private readonly dataDir: string
  private readonly asUser: string | null

  private constructor(
    private readonly bin: string,
    readonly port: number,
  ) {
    this.asUser = process.getuid?.() === 0 ? 'postgres' : null
    this.dir = mkdtempSync(join(tmpdir(), 'soul-pg-'))
    this.dataDir = join(this.dir, 'data')
    if (this.asUser) {
      const uid = Number(execFileSync('id', ['-u', this.asUser]).toString().trim())
      const gid = Number(execFileSync('id', ['-g', this.asUser]).toString().trim())
      chownSync(this.dir, uid, gid)
    }
  }

  /** A cluster on `port`, not yet created; null when no PostgreSQL binaries are installed. */
  static find(port: number): PrivatePostgres | null {
    const bin = findPostgresBinaries()
    return bin ? new PrivatePostgres(bin, port) : null
  }

  /** The URL of a database in this cluster (trust authentication, user postgres). */
  url(database = 'postgres'): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const command = join(this.bin, tool)
    if (this.asUser) await run('runuser', ['-u', this.asUser, '--', command, ...args], { cwd: this.dir })
    else await run(command, args, { cwd: this.dir })
  }

  /** initdb (fast: no fsync, trust auth) and start. */
  async init(): Promise<void> {
    await this.exec('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
    await this.start()
  }

  /**
   * Starts the server. fsync is off (a test's stop is a process crash, not a machine crash: the OS keeps
   * what was written), but synchronous_commit stays on, as in production: with it off, an immediate stop
   * loses transactions already reported committed, which no application can make up for.
   */
  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=100`
    await this.exec('pg_ctl', ['-D', this.dataDir, '-l', join(this.dataDir, 'server.log'), '-o', options, '-w', '-t', '30', 'start'])
    await waitFor(() => this.ping(), 15_000, 50)
  }

  /** Stops the server like a crash: no shutdown checkpoint, every connection cut at once. */
  async stopImmediate(): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop'])
  }

  async ping(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 1000 })
    client.on('error', () => undefined)
    try {
      await client.connect()
      await client.query('SELECT 1')
      return true
    } catch {
      return false
    } finally {
      await client.end().catch(() => undefined)
    }
  }

  /** Creates a database and applies the migrations to it (like scripts/prepare-db.ts); returns its URL. */
  async createMigratedDatabase(name: string): Promise<string> {
    const admin = new pg.Client({ connectionString: this.url() })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    await admin.end()
    const url = this.url(name)
    await run('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url } })
    return url
  }

  /** Stops the server (if running) and removes its files. */
  async destroy(): Promise<void> {
    await this.stopImmediate().catch(() => undefined)
    rmSync(this.dir, { recursive: true, force: true })
  }
}
