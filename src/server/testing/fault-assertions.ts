/**
 * What every fault test asserts of its report (fault-run.ts): everything injected was stored and
 * delivered once, nothing lost, nothing duplicated, each conversation in order, and both paths moved
 * again within 10 s of the fault clearing.
 */
import { expect } from 'vitest'
import type { FaultReport } from './fault-run'

export const MAX_RESUME_SECONDS = 10

export function expectCleanRecovery(report: FaultReport, injected: { incoming: number; replies: number }): void {
  expect(report).toMatchObject({
    injectedIncoming: injected.incoming,
    injectedReplies: injected.replies,
    storedIncoming: injected.incoming,
    storedReplies: injected.replies,
    delivered: injected.replies,
    lostIncoming: 0,
    lostReplies: 0,
    duplicatedIncoming: 0,
    duplicatedReplies: 0,
    outOfOrder: 0,
  })
  expect(report.drainedSeconds).not.toBeNull()
  expect(report.resumedSeconds).not.toBeNull()
  expect(report.resumedSeconds!).toBeLessThanOrEqual(MAX_RESUME_SECONDS)
}
