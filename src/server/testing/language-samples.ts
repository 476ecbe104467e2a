/**
 * Ten messages one Kyrgyz-speaking customer might write (Cyrillic and Latin-typed), shared by the unit and
 * integration tests of a client's language (issue 17).
 */
export const KYRGYZ_CLIENT_MESSAGES = [
  'Саламатсызбы, бул көйнөктүн баасы канча?',
  'Кызыл түсү барбы?',
  'Эртең келип алсам болобу?',
  'jakshy, erteng kelem',
  'Жеткирип бересизби?',
  'Мага 42 размер керек',
  'Акчаны которуп койдум',
  'Рахмат, күтөм',
  'kancha kündö kelet?',
  'Дарегиңизди жазып коюңузчу',
] as const
