import { describe, expect, it } from 'vitest'
import { EngineError } from '../../engine/errors'
import {
  mapAck,
  mapChat,
  mapContact,
  mapDisconnectReason,
  mapInitError,
  mapMe,
  mapMessage,
  mapMessageType,
  mapRuntimeError,
  type WebjsMessageLike,
} from './mappers'

/** A message shaped like whatsapp-web.js's `Message` (after `_patch`). */
function webjsMessage(overrides: Partial<WebjsMessageLike> = {}): WebjsMessageLike {
  return {
    id: { _serialized: 'false_996555123456@c.us_3EB0ABC', fromMe: false, remote: { _serialized: '996555123456@c.us' } },
    from: '996555123456@c.us',
    to: '996555000001@c.us',
    body: 'Салам!',
    timestamp: 1_764_000_000,
    fromMe: false,
    isStatus: false,
    hasMedia: false,
    type: 'chat',
    _data: { notifyName: 'Айгуль' },
    ...overrides,
  }
}

describe('mapMessage', () => {
  it('maps a plain incoming text message', () => {
    expect(mapMessage(webjsMessage())).toEqual({
      id: 'false_996555123456@c.us_3EB0ABC',
      from: '996555123456@c.us',
      to: '996555000001@c.us',
      body: 'Салам!',
      timestamp: 1_764_000_000,
      fromMe: false,
      isStatus: false,
      isGroup: false,
      hasMedia: false,
      type: 'text',
      notifyName: 'Айгуль',
    })
  })

  it('marks status broadcasts, by flag or by sender', () => {
    expect(mapMessage(webjsMessage({ isStatus: true })).isStatus).toBe(true)
    expect(mapMessage(webjsMessage({ isStatus: undefined, from: 'status@broadcast' })).isStatus).toBe(true)
  })

  it('marks group messages by @g.us on either side or by an author', () => {
    expect(mapMessage(webjsMessage({ from: '120363000000000000@g.us' })).isGroup).toBe(true)
    expect(mapMessage(webjsMessage({ to: '120363000000000000@g.us', fromMe: true })).isGroup).toBe(true)
    expect(mapMessage(webjsMessage({ author: '996555777777@c.us' })).isGroup).toBe(true)
    expect(mapMessage(webjsMessage({ author: undefined })).isGroup).toBe(false)
  })

  it('accepts ids as serialized objects and reads fromMe from the id when missing', () => {
    const mapped = mapMessage(
      webjsMessage({
        id: { _serialized: 'true_996555123456@c.us_X', fromMe: true },
        from: { _serialized: '996555000001@c.us' },
        to: { _serialized: '996555123456@c.us' },
        fromMe: undefined,
      }),
    )
    expect(mapped).toMatchObject({ from: '996555000001@c.us', to: '996555123456@c.us', fromMe: true })
  })

  it('omits an empty notifyName and tolerates a missing body and _data', () => {
    const mapped = mapMessage(webjsMessage({ body: undefined, _data: undefined }))
    expect(mapped.body).toBe('')
    expect(mapped).not.toHaveProperty('notifyName')
    expect(mapMessage(webjsMessage({ _data: { notifyName: '  ' } }))).not.toHaveProperty('notifyName')
  })

  it('keeps media flags and falls back to now for a missing timestamp', () => {
    const before = Math.floor(Date.now() / 1000)
    const mapped = mapMessage(webjsMessage({ hasMedia: true, type: 'ptt', body: '', timestamp: undefined }))
    expect(mapped).toMatchObject({ hasMedia: true, type: 'voice' })
    expect(mapped.timestamp).toBeGreaterThanOrEqual(before)
  })
})

describe('mapMessageType', () => {
  it.each([
    ['chat', 'text'],
    ['image', 'image'],
    ['video', 'video'],
    ['audio', 'audio'],
    ['ptt', 'voice'],
    ['document', 'document'],
    ['sticker', 'sticker'],
    ['location', 'location'],
    ['vcard', 'contact'],
    ['multi_vcard', 'contact'],
    ['revoked', 'unknown'],
    ['e2e_notification', 'unknown'],
    ['poll_creation', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%s → %s', (input, expected) => {
    expect(mapMessageType(input)).toBe(expected)
  })
})

describe('mapAck', () => {
  it.each([
    [-1, 'ERROR'],
    [0, 'PENDING'],
    [1, 'SERVER'],
    [2, 'DEVICE'],
    [3, 'READ'],
    [4, 'PLAYED'],
    [-7, 'ERROR'],
    [9, 'PLAYED'],
    [undefined, 'PENDING'],
    [Number.NaN, 'PENDING'],
  ] as const)('%s → %s', (input, expected) => {
    expect(mapAck(input)).toBe(expected)
  })
})

describe('mapDisconnectReason', () => {
  it.each([
    ['LOGOUT', 'LOGOUT'],
    ['TOS_BLOCK', 'BANNED'],
    ['SMB_TOS_BLOCK', 'BANNED'],
    ['CONFLICT', 'CONFLICT'],
    ['UNPAIRED', 'UNPAIRED'],
    ['UNPAIRED_IDLE', 'UNPAIRED'],
    ['Max qrcode retries reached', 'QR_EXPIRED'],
    ['NAVIGATION', 'NAVIGATION'],
    ['TIMEOUT', 'NETWORK'],
    ['OPENING', 'NETWORK'],
    ['PAIRING', 'NETWORK'],
    ['PROXYBLOCK', 'NETWORK'],
    ['UNLAUNCHED', 'UNKNOWN'],
    ['DEPRECATED_VERSION', 'DEPRECATED_VERSION'],
    ['something new', 'UNKNOWN'],
    ['', 'UNKNOWN'],
  ] as const)('%s → %s', (input, expected) => {
    expect(mapDisconnectReason(input)).toBe(expected)
  })
})

describe('mapContact', () => {
  it('keeps the address-book name, push name, avatar and business flag', () => {
    expect(
      mapContact(
        { id: { _serialized: '996555123456@c.us' }, name: 'Айгуль (салон)', pushname: 'Aigul', isBusiness: false },
        'https://pps.whatsapp.net/v/x.jpg',
      ),
    ).toEqual({ id: '996555123456@c.us', name: 'Айгуль (салон)', pushName: 'Aigul', avatarUrl: 'https://pps.whatsapp.net/v/x.jpg', isBusiness: false })
  })

  it('omits what WhatsApp did not give', () => {
    expect(mapContact({ id: { _serialized: '12345@lid' }, name: undefined, pushname: '' }, undefined)).toEqual({ id: '12345@lid' })
  })
})

describe('mapChat', () => {
  it('maps a chat summary', () => {
    expect(mapChat({ id: { _serialized: '996555123456@c.us' }, name: 'Aigul', isGroup: false, unreadCount: 2, timestamp: 1_764_000_000 })).toEqual({
      id: '996555123456@c.us',
      name: 'Aigul',
      isGroup: false,
      unreadCount: 2,
      lastMessageAt: 1_764_000_000,
    })
    expect(mapChat({ id: { _serialized: '1203630@g.us' }, unreadCount: null })).toEqual({ id: '1203630@g.us', isGroup: true, unreadCount: 0 })
  })
})

describe('mapMe', () => {
  it('derives the phone from a @c.us wid', () => {
    expect(mapMe({ wid: { _serialized: '996555000001@c.us' }, pushname: 'Soul Salon' })).toEqual({
      wid: '996555000001@c.us',
      phone: '+996555000001',
      pushName: 'Soul Salon',
    })
  })

  it('leaves the phone empty for a @lid wid and returns null without info', () => {
    expect(mapMe({ wid: '123456789012345@lid' })).toEqual({ wid: '123456789012345@lid', phone: '' })
    expect(mapMe(undefined)).toBeNull()
  })
})

describe('mapInitError', () => {
  it.each([
    'net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/',
    'net::ERR_INTERNET_DISCONNECTED at https://web.whatsapp.com/',
    'net::ERR_CONNECTION_REFUSED at https://web.whatsapp.com/',
    'net::ERR_CONNECTION_RESET at https://web.whatsapp.com/',
  ])('%s → WHATSAPP_UNREACHABLE, retryable', (message) => {
    const mapped = mapInitError(new Error(message))
    expect(mapped).toBeInstanceOf(EngineError)
    expect(mapped).toMatchObject({ code: 'WHATSAPP_UNREACHABLE', retryable: true })
    expect(mapped.cause).toBeInstanceOf(Error)
  })

  it.each([
    'Failed to launch the browser process!\n/usr/bin/chromium: error while loading shared libraries',
    'Browser was not found at the configured executablePath (/nonexistent/chromium)',
  ])('%s → BROWSER_LAUNCH_FAILED, not retryable', (message) => {
    expect(mapInitError(new Error(message))).toMatchObject({ code: 'BROWSER_LAUNCH_FAILED', retryable: false })
  })

  it('maps a spawn ENOENT to BROWSER_LAUNCH_FAILED', () => {
    const err = Object.assign(new Error('spawn /opt/chromium ENOENT'), { code: 'ENOENT' })
    expect(mapInitError(err)).toMatchObject({ code: 'BROWSER_LAUNCH_FAILED', retryable: false })
  })

  it('maps timeouts, including the bare strings the library throws', () => {
    const timeoutError = Object.assign(new Error('Navigation timeout of 30000 ms exceeded'), { name: 'TimeoutError' })
    expect(mapInitError(timeoutError)).toMatchObject({ code: 'TIMEOUT', retryable: true })
    expect(mapInitError('auth timeout')).toMatchObject({ code: 'TIMEOUT', retryable: true })
    expect(mapInitError('ready timeout')).toMatchObject({ code: 'TIMEOUT' })
  })

  it('passes EngineErrors through and maps anything else to UNKNOWN', () => {
    const own = new EngineError('AUTH_FAILED', 'x')
    expect(mapInitError(own)).toBe(own)
    expect(mapInitError(new Error('Protocol error: Target closed'))).toMatchObject({ code: 'UNKNOWN', retryable: false })
    expect(mapInitError({ weird: true }).message).toContain('weird')
  })
})

describe('mapRuntimeError', () => {
  it('treats a closed page or browser as NOT_CONNECTED, retryable', () => {
    for (const message of [
      'Protocol error (Runtime.callFunctionOn): Target closed',
      'Protocol error: Connection closed.',
      'Execution context was destroyed, most likely because of a navigation.',
      "Cannot read properties of null (reading 'evaluate')",
    ]) {
      expect(mapRuntimeError(new Error(message))).toMatchObject({ code: 'NOT_CONNECTED', retryable: true })
    }
  })

  it('maps timeouts and other failures', () => {
    expect(mapRuntimeError(Object.assign(new Error('Waiting failed'), { name: 'TimeoutError' }))).toMatchObject({ code: 'TIMEOUT', retryable: true })
    expect(mapRuntimeError(new Error('Evaluation failed: Error: boom'))).toMatchObject({ code: 'SEND_FAILED', retryable: true })
    expect(mapRuntimeError(new Error('boom'), 'UNKNOWN')).toMatchObject({ code: 'UNKNOWN', retryable: false })
    const own = new EngineError('INVALID_RECIPIENT', 'x')
    expect(mapRuntimeError(own)).toBe(own)
  })
})
