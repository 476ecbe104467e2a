import { describe, expect, it } from 'vitest'
import { latestImportJob } from './latest-import-job'

const job = (over: Partial<Parameters<typeof latestImportJob>[1] & object> = {}) => ({
  id: 'a',
  kind: 'HISTORY' as const,
  status: 'RUNNING' as const,
  createdAt: new Date('2026-03-01T10:00:00Z'),
  chatsProcessed: 0,
  cancelRequested: false,
  ...over,
})

describe('latestImportJob', () => {
  it('starts from the first event, null included', () => {
    expect(latestImportJob(undefined, null)).toBeNull()
    expect(latestImportJob(undefined, job())).toEqual(job())
  })

  it('ignores export uploads and a null after a job', () => {
    const current = job()
    expect(latestImportJob(current, job({ id: 'b', kind: 'EXPORT', createdAt: new Date('2026-03-02T00:00:00Z') }))).toBe(current)
    expect(latestImportJob(current, null)).toBe(current)
    expect(latestImportJob(null, job({ kind: 'EXPORT' }))).toBeNull()
  })

  it('lets a newer job replace an older one, not the other way round', () => {
    const older = job({ status: 'COMPLETED' })
    const newer = job({ id: 'b', status: 'PENDING', createdAt: new Date('2026-03-02T00:00:00Z') })
    expect(latestImportJob(older, newer)).toBe(newer)
    expect(latestImportJob(newer, older)).toBe(newer)
  })

  it('never steps a job back: a late start answer does not hide the QR or the counters', () => {
    const waiting = job({ status: 'WAITING_FOR_SCAN' })
    expect(latestImportJob(waiting, job({ status: 'PENDING' }))).toBe(waiting)
    const progressed = job({ chatsProcessed: 3 })
    expect(latestImportJob(progressed, job({ chatsProcessed: 2 }))).toBe(progressed)
    const done = job({ status: 'COMPLETED', chatsProcessed: 6 })
    expect(latestImportJob(done, job({ chatsProcessed: 6 }))).toBe(done)
    const next = job({ chatsProcessed: 4 })
    expect(latestImportJob(progressed, next)).toBe(next)
  })
})
