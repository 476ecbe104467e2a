import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bearerToken, metricsAccess } from './metrics-endpoint'
import { routeClass, statusClass } from './metrics'
import { processGroupRss } from './scrape-sources'

const request = (authorization?: string) => ({ headers: authorization === undefined ? {} : { authorization } })

describe('metricsAccess', () => {
  const token = 'metrics-token-0123456789'
  it('is off without a configured token, whatever the request carries', () => {
    expect(metricsAccess(request(`Bearer ${token}`), undefined)).toBe('off')
  })
  it('refuses a missing, malformed or wrong token, and allows the right one', () => {
    expect(metricsAccess(request(), token)).toBe('refused')
    expect(metricsAccess(request(token), token)).toBe('refused')
    expect(metricsAccess(request(`Bearer ${token}x`), token)).toBe('refused')
    expect(metricsAccess(request(`Basic ${token}`), token)).toBe('refused')
    expect(metricsAccess(request(`Bearer ${token}`), token)).toBe('allowed')
    expect(metricsAccess(request(`bearer ${token} `), token)).toBe('allowed')
  })
  it('reads only a single bearer token', () => {
    expect(bearerToken(request('Bearer a b'))).toBeUndefined()
  })
})

describe('routeClass', () => {
  it('maps any URL to a closed set: no ids, search terms or phone numbers become labels', () => {
    expect(routeClass('/api/trpc/conversations.list,clients.byId?batch=1&input=%7B%7D')).toBe('trpc')
    expect(routeClass('/api/auth/callback/credentials')).toBe('auth')
    expect(routeClass('/api/health')).toBe('health')
    expect(routeClass('/metrics')).toBe('metrics')
    expect(routeClass('/admin/queues/api/queues')).toBe('queues')
    expect(routeClass('/api/import/upload')).toBe('api')
    expect(routeClass('/_next/static/chunks/app.js')).toBe('static')
    expect(routeClass('/favicon.ico')).toBe('static')
    expect(routeClass('/clients/cl_123?q=%2B996700123456')).toBe('page')
    expect(routeClass(undefined)).toBe('page')
    expect(statusClass(204)).toBe('2xx')
    expect(statusClass(503)).toBe('5xx')
  })
})

describe('processGroupRss', () => {
  /** A fake /proc: pid → [pgrp, rss pages, command]. */
  function fakeProc(processes: Record<number, [number, number, string]>): string {
    const dir = mkdtempSync(join(tmpdir(), 'soul-proc-'))
    for (const [pid, [pgrp, rss, comm]] of Object.entries(processes)) {
      mkdirSync(join(dir, pid))
      // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice threads itreal starttime vsize rss
      writeFileSync(join(dir, pid, 'stat'), `${pid} (${comm}) S 1 ${pgrp} ${pgrp} 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 100 1000 ${rss} 0`)
    }
    mkdirSync(join(dir, 'self'))
    return dir
  }

  it('sums the resident pages of every process in the group, commands with spaces and parentheses included', () => {
    const proc = fakeProc({
      100: [100, 1000, 'chromium'],
      101: [100, 500, 'chromium (renderer) x'],
      102: [100, 250, 'chrome_crashpad'],
      200: [200, 9999, 'node'],
    })
    expect(processGroupRss(100, proc)).toBe(1750 * 4096)
    expect(processGroupRss(300, proc)).toBe(0)
  })

  it('is 0 when there is no /proc', () => {
    expect(processGroupRss(1, '/nonexistent-proc')).toBe(0)
  })
})
