import { describe, expect, it } from 'vitest'
import { personalize } from './personalize'

describe('personalize', () => {
  it('puts the client name in place of {name}, however it is spaced or cased', () => {
    expect(personalize('Здравствуйте, {name}! Скидка 10%.', 'Нургуль')).toBe('Здравствуйте, Нургуль! Скидка 10%.')
    expect(personalize('Hi { NAME }, see you', 'Elena')).toBe('Hi Elena, see you')
  })

  it('drops the placeholder tidily when the name is unknown', () => {
    expect(personalize('Здравствуйте, {name}! Ждём вас.', null)).toBe('Здравствуйте! Ждём вас.')
    expect(personalize('{name} салам', '  ')).toBe('салам')
  })

  it('leaves text without a placeholder as it is (trimmed)', () => {
    expect(personalize('  Акция до пятницы  ', 'X')).toBe('Акция до пятницы')
  })
})
