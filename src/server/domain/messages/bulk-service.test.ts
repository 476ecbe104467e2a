import { describe, expect, it } from 'vitest'
import { personalize } from './bulk-service'

describe('personalize', () => {
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
