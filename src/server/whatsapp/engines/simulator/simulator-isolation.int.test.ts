/**
 * Each organization has its own simulated WhatsApp (issue 11 point 12): a ban is known only in the world
 * of the organization whose phone was banned, and default business numbers are never handed out twice.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import * as phone from './simulator-control'
import { defaultBusinessPhone, isBanned, redis, simKey } from './simulator-state'

describe('simulator isolation', () => {
  it('a ban of the same digits in one organization leaves another organization’s number alone', async () => {
    const orgA = `a${randomUUID().slice(0, 8)}`
    const orgB = `b${randomUUID().slice(0, 8)}`
    const number = '+996555010203'
    // B's session is linked under A's number, then banned (what an operator of B could do before).
    await redis().set(simKey.linked(`org-${orgB}`), `tok-${orgB}`)
    await redis().set(simKey.device(`tok-${orgB}`), JSON.stringify({ clientId: `org-${orgB}`, phone: number, pushName: 'B', linkedAt: Date.now() }))
    await phone.banNumber(`org-${orgB}`)
    expect(await isBanned(orgB, number)).toBe(true)
    expect(await isBanned(orgA, number)).toBe(false)
    expect((await phone.getPhoneState(`org-${orgB}`)).banned).toBe(true)
    expect((await phone.getPhoneState(`org-${orgA}`)).banned).toBe(false)
  })

  it('derives a stable default number per session and skips one already handed to another session', async () => {
    const clientA = `org-${randomUUID()}`
    const clientB = `org-${randomUUID()}`
    const first = await defaultBusinessPhone(clientB)
    expect(first).toMatch(/^\+996555\d{6}$/)
    expect(await defaultBusinessPhone(clientB)).toBe(first)

    // Had A been handed that number before, B gets the next free one, and keeps it.
    await redis().set(simKey.numberOwner(first.slice(1)), clientA)
    const second = await defaultBusinessPhone(clientB)
    expect(second).not.toBe(first)
    expect(second).toMatch(/^\+996555\d{6}$/)
    expect(await defaultBusinessPhone(clientB)).toBe(second)
  })
})
