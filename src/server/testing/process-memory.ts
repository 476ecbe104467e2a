/**
 * Resident memory of a process (Linux /proc), for memory bounds in tests and benches. The peak
 * (VmHWM) can be reset through clear_refs, so a test sees the peak of just what it did.
 */
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs'

export function memoryOf(pid: number | 'self' = 'self'): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024
  return { rss: kb('VmRSS'), peak: kb('VmHWM') }
}

/** Starts a new peak measurement: VmHWM drops to the current RSS (own user's processes only). */
export function resetPeak(pid: number | 'self' = 'self') {
  writeFileSync(`/proc/${pid}/clear_refs`, '5')
}

/**
 * The process listening on a TCP port on this machine: the socket's inode from /proc/net/tcp(6), then
 * the process holding that inode among its file descriptors. No `ss`/`lsof` needed, and it finds the
 * server Playwright started whatever wrapper started it.
 */
export function pidListeningOn(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = ''
    try {
      text = readFileSync(table, 'utf8')
    } catch {
      continue
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/)
      // local_address is ip:port in hex; state 0A is LISTEN; column 9 is the inode.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && cols[9]) inodes.add(cols[9])
    }
  }
  if (!inodes.size) return null
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let fds: string[]
    try {
      fds = readdirSync(`/proc/${entry}/fd`)
    } catch {
      continue
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`))
        if (match && inodes.has(match[1]!)) return Number(entry)
      } catch {
        // the descriptor closed while we looked
      }
    }
  }
  return null
}
