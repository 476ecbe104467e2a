/**
 * Live streams (issue 11 point 10) over raw HTTP: a user holds at most 10 SSE subscriptions (the 11th
 * closes the oldest, which ends with tRPC's `return` event), other users are not affected, and a quiet
 * stream carries a keep-alive ping and tells the browser when to reconnect after silence.
 */
import { expect, test } from '@playwright/test'
import { apiSignIn, openStream, type SseStream } from './security-http'
import { users } from './whatsapp-helpers'

test.describe.configure({ timeout: 120_000 })

test('the 11th live stream of a user closes that user’s oldest, and only it', async ({ playwright }) => {
  const admin = await apiSignIn(playwright, users.admin)
  const operator = await apiSignIn(playwright, users.operator)
  const streams: SseStream[] = []
  try {
    // One at a time, each confirmed open (its snapshot arrived), so "oldest" is well defined.
    for (let i = 0; i < 10; i++) {
      const stream = await openStream(admin, 'whatsapp.onStatus')
      streams.push(stream)
      await stream.until((s) => s.dataEvents().length > 0)
    }
    const operatorStream = await openStream(operator, 'whatsapp.onStatus')
    await operatorStream.until((s) => s.dataEvents().length > 0)
    expect(streams.every((s) => !s.ended)).toBe(true)

    const eleventh = await openStream(admin, 'whatsapp.onStatus')
    streams.push(eleventh)
    await eleventh.until((s) => s.dataEvents().length > 0)

    await streams[0]!.until((s) => s.ended)
    expect(streams[0]!.events.map((e) => e.event)).toContain('return')
    expect(streams.slice(1).filter((s) => s.ended)).toHaveLength(0)
    expect(operatorStream.ended).toBe(false)

    // A twelfth closes the next oldest: the cap keeps holding.
    const twelfth = await openStream(admin, 'whatsapp.onStatus')
    streams.push(twelfth)
    await twelfth.until((s) => s.dataEvents().length > 0)
    await streams[1]!.until((s) => s.ended)
    expect(streams.slice(2).filter((s) => s.ended)).toHaveLength(0)
    await operatorStream.close()
  } finally {
    await Promise.all(streams.map((s) => s.close()))
    await admin.dispose()
    await operator.dispose()
  }
})

test('a quiet stream gets a keep-alive ping and the client its reconnect-after-silence time', async ({ playwright }) => {
  const admin = await apiSignIn(playwright, users.admin)
  const stream = await openStream(admin, 'conversations.onEvents', {})
  try {
    await stream.until((s) => s.events.some((e) => e.event === 'connected'))
    const connected = JSON.parse(stream.events.find((e) => e.event === 'connected')!.data) as { reconnectAfterInactivityMs?: number }
    expect(connected.reconnectAfterInactivityMs).toBe(45_000)
    // The ping interval is 20 s; the client gives up after 45 s of silence.
    await stream.until((s) => s.events.some((e) => e.event === 'ping'), 40_000)
    expect(stream.ended).toBe(false)
  } finally {
    await stream.close()
    await admin.dispose()
  }
})
