import { describe, expect, it } from 'vitest'
import type { WaOutgoingMessage } from '../../whatsapp/engine/types'
import { pickRecoveredSend, RECOVERY_SKEW_S } from './send-recovery'

const startedAt = new Date('2026-12-01T10:00:00.500Z')
const t0 = Math.floor(startedAt.getTime() / 1000)
const ours = (id: string, body: string, timestamp: number, ack?: WaOutgoingMessage['ack']): WaOutgoingMessage => ({
  id,
  body,
  timestamp,
  ...(ack ? { ack } : {}),
})
const pick = (candidates: WaOutgoingMessage[], body = 'Сейчас проверю цену', claimed: string[] = []) =>
  pickRecoveredSend(candidates, { body, startedAt, claimedIds: new Set(claimed) })

describe('pickRecoveredSend: is the unrecorded send in WhatsApp?', () => {
  it('finds our message with the same text sent since the attempt began, with its id, time and ack', () => {
    expect(pick([ours('other', 'Другое', t0), ours('it', 'Сейчас проверю цену', t0 + 1, 'SERVER')])).toEqual({ id: 'it', timestamp: t0 + 1, ack: 'SERVER' })
  })

  it('finds nothing in an empty chat, or when only other texts were sent', () => {
    expect(pick([])).toBeNull()
    expect(pick([ours('a', 'Сейчас проверю', t0), ours('b', 'сейчас проверю цену', t0)])).toBeNull()
  })

  it('compares the texts as cleaned (CRLF and LF, NUL) and nothing looser', () => {
    expect(pick([ours('it', 'Цена:\r\n1 200 сом', t0)], 'Цена:\n1 200 сом')?.id).toBe('it')
    expect(pick([ours('it', 'Цена\u0000', t0)], 'Цена')?.id).toBe('it')
    expect(pick([ours('it', 'Цена ', t0)], 'Цена')).toBeNull()
  })

  it('accepts a timestamp up to the skew before the attempt, not earlier', () => {
    expect(pick([ours('it', 'Сейчас проверю цену', t0 - RECOVERY_SKEW_S)])?.id).toBe('it')
    expect(pick([ours('old', 'Сейчас проверю цену', t0 - RECOVERY_SKEW_S - 1)])).toBeNull()
  })

  it('never claims a message another row already carries (an earlier identical reply)', () => {
    const earlier = ours('earlier', 'Ок', t0 - 5)
    expect(pick([earlier], 'Ок', ['earlier'])).toBeNull()
    expect(pick([earlier, ours('it', 'Ок', t0 + 2)], 'Ок', ['earlier'])?.id).toBe('it')
  })

  it('takes the earliest match when several qualify', () => {
    expect(pick([ours('second', 'Ок', t0 + 3), ours('first', 'Ок', t0 + 1)], 'Ок')?.id).toBe('first')
  })
})
