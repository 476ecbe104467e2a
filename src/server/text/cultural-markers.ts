/**
 * Greetings, address terms and politeness markers of chats in Kyrgyzstan (Kyrgyz, Russian, English,
 * a little Uzbek and Kazakh). Patterns run on folded lower-case text (ё→е, ң→н, ө→о, ү→у); the
 * canonical forms are what operators see.
 */

export interface GreetingMarker {
  pattern: RegExp
  /** How the greeting is shown: its usual spelling. */
  canonical: string
  religious: boolean
  /** 'formal' / 'informal' when the greeting itself says so (Саламатсызбы vs Саламатсыңбы). */
  register: 'formal' | 'informal' | null
}

const L = '(?<![\\p{L}\\p{N}])'
const R = '(?![\\p{L}\\p{N}])'
const word = (source: string) => new RegExp(`${L}(?:${source})${R}`, 'iu')

/** Greetings, most specific first: "Салам алейкум" is the religious greeting, not "Салам". */
export const GREETINGS: readonly GreetingMarker[] = [
  { pattern: word('ва+ле[йи]кум\\s*(?:ас+алам|салам)'), canonical: 'Ваалейкум ассалам', religious: true, register: 'formal' },
  { pattern: word('wa+l[ae][iy]kum\\s*(?:as+alam|salam)'), canonical: 'Ваалейкум ассалам', religious: true, register: 'formal' },
  {
    pattern: word('(?:ас+ал[ая]му?|ас+ал[ао]му|ас-салам[уо]?|салам[уо]?|салям)\\s*[-,]?\\s*ал[еэа][йи]кум(?:ус+алам)?'),
    canonical: 'Ассаламу алейкум',
    religious: true,
    register: 'formal',
  },
  {
    pattern: word('(?:as+al[ao]mu?|as-salamu?|salam|salom)\\s*[-,]?\\s*al[ae][iy]?kum'),
    canonical: 'Ассаламу алейкум',
    religious: true,
    register: 'formal',
  },
  { pattern: /السلام عليكم/u, canonical: 'Ассаламу алейкум', religious: true, register: 'formal' },
  { pattern: word('саламатсыз(?:дар)?бы|саламатчылык|salamatsyzby|salamatsizbi'), canonical: 'Саламатсызбы', religious: false, register: 'formal' },
  { pattern: word('саламатсынбы|salamatsynby'), canonical: 'Саламатсыңбы', religious: false, register: 'informal' },
  { pattern: word('кандайсыз(?:дар)?|kandaisyz|kandaysyz'), canonical: 'Кандайсыз', religious: false, register: 'formal' },
  { pattern: word('кандайсын|kandaisyn|kandaysyn'), canonical: 'Кандайсың', religious: false, register: 'informal' },
  { pattern: word('кутман тан'), canonical: 'Кутман таң', religious: false, register: null },
  { pattern: word('салеметсиз бе'), canonical: 'Сәлеметсіз бе', religious: false, register: 'formal' },
  { pattern: word('здравствуйте|здраствуйте|здравствуй|здрасте|здрасьте|здрасти'), canonical: 'Здравствуйте', religious: false, register: 'formal' },
  { pattern: word('добрый день|доброго дня'), canonical: 'Добрый день', religious: false, register: null },
  { pattern: word('доброе утро|доброго утра'), canonical: 'Доброе утро', religious: false, register: null },
  { pattern: word('добрый вечер|доброго вечера'), canonical: 'Добрый вечер', religious: false, register: null },
  { pattern: word('привет|приветик|приветствую|прив|хай|салют'), canonical: 'Привет', religious: false, register: 'informal' },
  { pattern: word('салам|salam|салем|salem'), canonical: 'Салам', religious: false, register: null },
  { pattern: word('салом|salom'), canonical: 'Салом', religious: false, register: null },
  { pattern: word('good (?:morning|afternoon|evening)'), canonical: 'Good day', religious: false, register: 'formal' },
  { pattern: word('hello|hallo'), canonical: 'Hello', religious: false, register: null },
  { pattern: word('hi|hiya|hi there'), canonical: 'Hi', religious: false, register: null },
  { pattern: word('hey|yo|sup'), canonical: 'Hey', religious: false, register: 'informal' },
]

/** Address terms: canonical form → what it means, for operator notes. */
export const ADDRESS_TERMS: ReadonlyArray<{ pattern: RegExp; term: string; meaning: string }> = [
  { pattern: word('эжеке|эже|eje|ezhe'), term: 'эже', meaning: 'older sister' },
  { pattern: word('байке|bayke|baike'), term: 'байке', meaning: 'older brother' },
  { pattern: word('агай|agai|agay'), term: 'агай', meaning: 'respected man, teacher' },
  { pattern: word('апаке|апа|apa'), term: 'апа', meaning: 'mother, respected woman' },
  { pattern: word('атаке|ата'), term: 'ата', meaning: 'father, respected elder' },
  { pattern: word('аке|ака|aka'), term: 'ака', meaning: 'older brother (southern usage)' },
  { pattern: word('ини|иним'), term: 'ини', meaning: 'younger brother' },
  { pattern: word('синди|синдим|карындаш|карындашым'), term: 'сиңди', meaning: 'younger sister' },
  { pattern: word('досум|dosum'), term: 'досум', meaning: 'my friend' },
  { pattern: word('кызым'), term: 'кызым', meaning: 'my daughter (an elder speaking)' },
  { pattern: word('балам'), term: 'балам', meaning: 'my child (an elder speaking)' },
  { pattern: word('братан|братишка|брат|bro|brat'), term: 'брат', meaning: 'brother' },
  { pattern: word('сестренка|сестричка|сестра|систер'), term: 'сестра', meaning: 'sister' },
  // Only in address position: "дорогая сумка" is an expensive bag.
  { pattern: /(?:^|[,!.?]\s*)(?:дорогая|дорогой|дорогие)(?=\s*(?:[,!.?)]|$))/iu, term: 'дорогая/дорогой', meaning: 'dear' },
  { pattern: word('dear'), term: 'dear', meaning: 'dear' },
  { pattern: word('уважаем(?:ый|ая|ые)'), term: 'уважаемый', meaning: 'respected' },
  { pattern: word('девушка'), term: 'девушка', meaning: 'young lady' },
  { pattern: word('молодой человек|мужчина'), term: 'молодой человек', meaning: 'young man' },
  { pattern: word("sir|madam|ma'am|maam"), term: 'sir/madam', meaning: 'formal address' },
]

/** Politeness markers by language: formal and informal evidence, each a pattern with a weight. */
export const FORMALITY_MARKERS: Readonly<
  Record<'ky' | 'ru' | 'en', { formal: ReadonlyArray<readonly [RegExp, number]>; informal: ReadonlyArray<readonly [RegExp, number]> }>
> = {
  ky: {
    formal: [
      [word('сиз|сизге|сизди|сиздин|сизден|сизде|сиздер\\p{L}*'), 2],
      [/(?<![\p{L}])\p{L}{2,}(?:сыз|сиз|суз)(?:бы|би|бу|дар|дер)?(?![\p{L}])/iu, 1.5],
      [/(?<![\p{L}])\p{L}{2,}(?:ныз|низ|нуз)(?:чы|чи|чу|дар|дер)?(?![\p{L}])/iu, 1.5],
    ],
    informal: [
      [word('сен|сага|сени|сенин|сенден|сенде'), 2],
      [/(?<![\p{L}])\p{L}{2,}(?:сын|син|сун)(?:бы|би|бу)(?![\p{L}])/iu, 1],
      [word('кандайсын|жакшысын|бересин|жибересин|аласын'), 1],
      [word('досум|бро'), 0.5],
    ],
  },
  ru: {
    formal: [
      [word('вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего|вашей|вашу|вашим'), 2],
      [word('будьте добры|будьте любезны|уважаем\\p{L}*|извините|простите'), 1],
      [/(?<![\p{L}])\p{L}{3,}(?:ите|йте|ьте)(?![\p{L}])/iu, 1],
      [word('пожалуйста'), 0.5],
    ],
    informal: [
      [word('ты|тебя|тебе|тобой|твой|твоя|твое|твои|твоего|твоей|тя'), 2],
      [word('скажи|покажи|скинь|дай|слушай|напиши|отправь|пришли|подскажи'), 1],
      [word('че|чё|чо|братан|бро|норм|спс|пж|плиз'), 0.7],
    ],
  },
  en: {
    formal: [
      [word("dear|sir|madam|ma'am|mr|mrs|ms|kindly|regards|sincerely"), 2],
      [word('would you|could you|may i|i would like|would it be possible'), 1],
      [word('good (?:morning|afternoon|evening)|thank you'), 0.7],
      [word('please'), 0.5],
    ],
    informal: [[word('hey|yo|sup|u|ur|thx|lol|bro|dude|mate|gonna|wanna|pls|plz|ya|yep|nope'), 1]],
  },
}
