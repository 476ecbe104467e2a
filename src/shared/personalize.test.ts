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

  // Cases of the former server copy's cases (its stricter comma rule is the one kept).
  it('puts the client’s name in', () => {
    expect(personalize('Здравствуйте, {name}! Ваш заказ готов.', 'Айгуль')).toBe('Здравствуйте, Айгуль! Ваш заказ готов.')
    expect(personalize('{ name }, салам!', 'Азамат')).toBe('Азамат, салам!')
  })

  it('reads naturally without a name', () => {
    expect(personalize('Здравствуйте, {name}! Ваш заказ готов.', null)).toBe('Здравствуйте! Ваш заказ готов.')
    expect(personalize('{name}, салам!', '')).toBe('салам!')
    expect(personalize('Hi {name}, your order is ready', undefined)).toBe('Hi, your order is ready')
    expect(personalize('Без имени', null)).toBe('Без имени')
  })
})
