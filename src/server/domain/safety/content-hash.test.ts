import { describe, expect, it } from 'vitest'
import { bulkContentHash, normalizeBulkText } from './content-hash'

describe('bulk content hash', () => {
  it('treats case, spacing and Unicode forms as the same text', () => {
    expect(normalizeBulkText('  Салам,\n  Айгуль!  ')).toBe('салам, айгуль!')
    expect(bulkContentHash('Скидка 20%  сегодня')).toBe(bulkContentHash('скидка 20% сегодня '))
    expect(bulkContentHash('ﬁnal')).toBe(bulkContentHash('final'))
  })

  it('tells different personalized texts apart', () => {
    expect(bulkContentHash('Салам, Айгуль!')).not.toBe(bulkContentHash('Салам, Азамат!'))
  })
})
