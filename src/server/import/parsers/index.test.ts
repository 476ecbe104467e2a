import { describe, expect, it } from 'vitest'
import * as detectors from '../../text'
import * as parsers from './index'

describe('parsers index', () => {
  it('exports the public functions (the text detectors from src/server/text)', () => {
    for (const name of ['parseWhatsAppExport', 'matchExportHeader', 'wallClockToInstant'] as const) {
      expect(typeof parsers[name]).toBe('function')
    }
    for (const name of ['detectLanguage', 'detectLanguageWithConfidence', 'detectClientStatus', 'extractBestName', 'detectCulturalContext'] as const) {
      expect(typeof detectors[name]).toBe('function')
    }
  })

  it('works end to end on a small export', () => {
    const text = [
      '14.03.2024, 20:02 - Эрмек: Саламатсызбы, эже! Менин атым Эрмек. Токмокко жеткирүү барбы, баасы канча?',
      '14.03.2024, 20:05 - Магазин: Ооба, 200 сом',
      '15.03.2024, 09:00 - Эрмек: Жакшы, төлөдүм',
    ].join('\n')
    const messages = parsers.parseWhatsAppExport(text)
    const client = messages.filter((message) => message.author === 'Эрмек')
    const first = client[0]?.body ?? ''
    expect(detectors.detectLanguage(first)).toBe('ky')
    expect(
      detectors.extractBestName(
        null,
        client.map((message) => message.body ?? ''),
      ),
    ).toBe('Эрмек')
    expect(detectors.detectCulturalContext(first, 'ky')).toMatchObject({ formality: 'formal', greeting: 'Саламатсызбы', addressTerms: ['эже'] })
    const status = detectors.detectClientStatus(
      messages.map((message) => ({ body: message.body ?? '', fromClient: message.author === 'Эрмек', timestamp: message.timestamp })),
      { now: new Date('2024-03-20T00:00:00Z') },
    )
    expect(status.status).toBe('CUSTOMER')
  })
})
