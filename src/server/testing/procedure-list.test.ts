import { describe, expect, it } from 'vitest'
import { appRouter } from '../api/root'
import { procedureList } from './procedure-list'

describe('procedure list', () => {
  it('names every procedure of the app router with its type, and nothing else', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>
    const actual = Object.entries(procedures).map(([path, procedure]) => [path, procedure._def.type])
    expect([...procedureList].map(([path, type]) => [path, type]).sort()).toEqual(actual.sort())
  })
})
