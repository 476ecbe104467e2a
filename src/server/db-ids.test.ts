import { describe, expect, it } from 'vitest'
import { newRowId } from './db-ids'

describe('newRowId', () => {
  it('has the shape of Prisma’s cuid(): 25 characters, c and base 36', () => {
    for (let i = 0; i < 1000; i++) expect(newRowId()).toMatch(/^c[0-9a-z]{24}$/)
  })

  it('sorts in the order the ids were made, within a millisecond and across them', () => {
    const at = Date.now()
    const ids = Array.from({ length: 2000 }, (_, i) => newRowId(at + Math.floor(i / 500)))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
