import { describe, expect, it } from 'vitest'
import { DETECTABLE_LANGUAGES, detectLanguage, detectLanguageWithConfidence } from './language-detector'

// Sentences here are deliberately not in bench/data/language-eval.json: a second, independent sample.
describe('detectLanguage: Kyrgyz', () => {
  it.each([
    'салам канчадан баасы',
    'рахмат эже',
    'кандайсыз',
    'жакшы',
    'жок',
    'ооба',
    'машинаны качан алып кетсем болот?',
    'дарыканада бул дары барбы',
    'үйдүн ижарасы канча болот айына',
    'чачымды кыркып коюңузчу, кыскараак',
    'мугалим, сабак саат канчада башталат?',
    'телефонумдун экраны сынып калды, оңдойсузбу?',
    'Эртең келип алсам болобу? Азыр иштеп жатам',
    'мага жооп бериңизчи',
    'биздин үйгө чейин жеткирип бересизби, Жал кичи районунда турабыз',
    'менде суроо бар эле',
    'тигил кара курткадан дагы барбы',
    'кечиккениңиз үчүн рахмат айта албайм',
    'эртеңкиге калтырып коюңуз',
    'сиз ошол дукондосузбу',
    'балам ооруп калды, дарыгерге жазылсам болобу',
  ])('%s', (text) => {
    expect(detectLanguage(text)).toBe('ky')
  })

  it.each([
    ['Russian loans with Kyrgyz endings', 'доставкага канча?'],
    ['Russian loans with Kyrgyz endings', 'заказды качан жибересиз'],
    ['Russian loans with Kyrgyz endings', 'размерлер кандай?'],
    ['a Russian noun, a Kyrgyz question', 'скидка барбы?'],
    ['a Russian greeting word in a Kyrgyz sentence', 'Салам эже, размер 42 барбы?'],
    ['typed without ң ө ү', 'бугун жеткирип бересизби учун сурап жатам'],
    ['typed without ң ө ү', 'эртен менен келсениз болот'],
  ])('%s: %s', (_why, text) => {
    expect(detectLanguage(text)).toBe('ky')
  })
})

describe('detectLanguage: Russian', () => {
  it.each([
    'когда можно забрать машину?',
    'в аптеке есть это лекарство?',
    'сколько стоит аренда квартиры в месяц',
    'экран треснул, отремонтируете?',
    'спасибо',
    'да, конечно',
    'Ну когда уже привезете',
    'Че по цене?',
    'скок стоит',
    'я перезвоню',
    'Купила у вас кроссовки, а они развалились',
    'Здрасте, девушка, а мужские есть?',
    'Какая у вас предоплата?',
    'ребенку 3 годика, какой размер брать?',
  ])('%s', (text) => {
    expect(detectLanguage(text)).toBe('ru')
  })

  it.each([
    'Салам, сколько стоит доставка?',
    'Салам, брат, как дела?',
    'Салам алейкум, брат, как там мой заказ?',
    'Ассаламу алейкум, есть свежие лепешки?',
    'Эже, здравствуйте, подскажите по ценам',
    'Рахмат, всё пришло в целости',
    'эже, можно на завтра перенести?',
  ])('with a Kyrgyz greeting or address term, the body decides: %s', (text) => {
    expect(detectLanguage(text)).toBe('ru')
  })
})

describe('detectLanguage: English', () => {
  it.each([
    'when can I pick up the car?',
    'is the pharmacy open now',
    'How much is the rent per month?',
    'Hi! Any vegan options?',
    'Pls send pics',
    'Can u deliver tmrw?',
    'Cheers mate',
    'Got it, thanks',
    'thx',
    'Salam, how much is it?',
  ])('%s', (text) => {
    expect(detectLanguage(text)).toBe('en')
  })
})

describe('detectLanguage: other languages when the evidence is clear', () => {
  it.each([
    ['kk', 'Сәлеметсіз бе, жеткізу бар ма?'],
    ['kk', 'Бағасы қанша тұрады?'],
    ['kk', 'Қазір келемін'],
    ['uz', 'Assalomu alaykum, yetkazib berasizmi?'],
    ['uz', 'Narxi qancha boʻladi?'],
    ['uz', 'Салом, нархи қанча?'],
    ['tr', 'Merhaba, kargo ücretsiz mi?'],
    ['tr', 'Bu ayakkabının 40 numarası var mı?'],
    ['uk', 'Привіт, скільки коштує доставка?'],
    ['ko', '안녕하세요 가격이 얼마예요?'],
    ['ja', 'こんにちは、値段はいくらですか'],
    ['zh', '你好，多少钱？'],
    ['ar', 'السلام عليكم'],
    ['ka', 'გამარჯობა'],
  ])('%s: %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language)
  })

  it.each([
    ['ky', 'salam, baasy kancha?'],
    ['ky', 'erten kelem'],
    ['ru', 'zdravstvuyte, est razmer 42?'],
    ['ru', 'mozhno zavtra zabrat?'],
  ])('Latin transliteration: %s %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language)
  })
})

describe('detectLanguage: undetermined', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   \n\t'],
    ['emoji', '👍'],
    ['emoji', '😂😂😂'],
    ['numbers', '12345'],
    ['a price', '1500 сом?'],
    ['punctuation', '+'],
    ['ok', 'ок'],
    ['ok', 'ok'],
    ['a link', 'https://example.com'],
    ['a greeting shared by every language here', 'Салам'],
    ['the religious greeting alone', 'Ассалому алейкум!'],
    ['one letter', 'а'],
    ['Kazakh or Uzbek, too short to tell', 'Қанча?'],
  ])('%s: %j', (_why, text) => {
    expect(detectLanguage(text)).toBe('und')
  })

  it('answers und for values that are not strings', () => {
    expect(detectLanguage(undefined as unknown as string)).toBe('und')
    expect(detectLanguage(42 as unknown as string)).toBe('und')
  })
})

describe('detectLanguageWithConfidence', () => {
  it('is more confident with more evidence', () => {
    const short = detectLanguageWithConfidence('жакшы')
    const long = detectLanguageWithConfidence('жакшы, эртең келип алам, дарегиңизди жибериңизчи')
    expect(short.language).toBe('ky')
    expect(long.language).toBe('ky')
    expect(long.confidence).toBeGreaterThan(short.confidence)
  })

  it('returns scores that are shares of the evidence', () => {
    const result = detectLanguageWithConfidence('Салам, сколько стоит доставка?')
    expect(result.language).toBe('ru')
    const total = Object.values(result.scores).reduce((sum, share) => sum + share, 0)
    expect(total).toBeCloseTo(1, 2)
    expect(result.scores.ru).toBeGreaterThan(result.scores.ky ?? 0)
  })

  it('keeps confidence within 0…1 and zero for und', () => {
    for (const text of ['', 'Салам', 'ok', 'да', 'Hello there, how are you doing today?']) {
      const { language, confidence } = detectLanguageWithConfidence(text)
      expect(confidence).toBeGreaterThanOrEqual(0)
      expect(confidence).toBeLessThanOrEqual(1)
      if (language === 'und') expect(confidence).toBe(0)
    }
  })

  it('answers only codes from DETECTABLE_LANGUAGES', () => {
    for (const text of ['Γειά σου', 'שלום', 'Բարեւ', 'สวัสดี', 'नमस्ते', 'سلام، قیمت چند است؟']) {
      expect(DETECTABLE_LANGUAGES).toContain(detectLanguage(text))
    }
  })

  it('reads a long text by its beginning without slowing down', () => {
    const text = 'Здравствуйте, подскажите пожалуйста цену. '.repeat(5000)
    const started = performance.now()
    expect(detectLanguage(text)).toBe('ru')
    expect(performance.now() - started).toBeLessThan(500)
  })
})

// Kyrgyz and Russian typed in Latin letters (phones without a Kyrgyz keyboard); not in the eval set either.
describe('detectLanguage: Latin-typed Kyrgyz and Russian', () => {
  it.each([
    'salam eje, kara kurtka kaldyby?',
    'erteng kelip alsam bolobu?',
    'zhakshy, rahmat, kütüp turam',
    'akchany mbankka kotordum',
    'Narynga jönötüp beresizbi?',
    'balama bateinke kerek ele',
    'kechiresiz, jooap bere albay kaldym',
  ])('ky: %s', (text) => {
    expect(detectLanguage(text)).toBe('ky')
  })

  it.each([
    'skinte foto drugogo cveta pojaluysta',
    'spasibo, vse poluchila',
    'skolko stoit dostavka v Bishkeke?',
    'mojno zavtra posle obeda?',
    'a chernyy cvet est?',
  ])('ru: %s', (text) => {
    expect(detectLanguage(text)).toBe('ru')
  })

  it.each(['Thanks, see you tomorrow', 'Do you have this in black?', 'no problem', 'I sent the money'])('stays English: %s', (text) => {
    expect(detectLanguage(text)).toBe('en')
  })

  it.each([
    ['assalomu alaykum, narxi qancha?', 'uz'],
    ['salem, bagasy qansha?', 'kk'],
    ['tashakkur, narkhash chand ast?', 'tg'],
  ])('tells a neighbour apart: %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language)
  })
})
