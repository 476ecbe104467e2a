import { describe, expect, it } from 'vitest'
import { idInput, isStorableText, organizationIdInput, textInput } from './inputs'

describe('shared inputs', () => {
  it('ids are cuids or seeded ids, never text a query would choke on', () => {
    expect(idInput.safeParse('cmx3yvn020002x67dh3hsav07').success).toBe(true)
    expect(idInput.safeParse('org_other').success).toBe(true)
    for (const bad of ['a\u0000b', '\ud800', 'a b', "x' OR 1=1", '']) expect(idInput.safeParse(bad).success).toBe(false)
    expect(organizationIdInput.organizationId.safeParse('org\u0000').success).toBe(false)
  })

  it('free text refuses NUL and lone surrogates but keeps everything else', () => {
    expect(isStorableText('Салам 😀 \n\t"\\')).toBe(true)
    expect(isStorableText('a\u0000')).toBe(false)
    expect(isStorableText('a\udc00b')).toBe(false)
    expect(textInput(10).safeParse('  ok  ').data).toBe('ok')
    const refused = textInput(10).safeParse('\ud83d')
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toBe('validation.unstorableText')
  })
})
