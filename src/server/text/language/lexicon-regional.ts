/**
 * Smaller lexicons for the other languages clients in Kyrgyzstan write in: Kazakh and Uzbek (Cyrillic
 * and Latin), Turkish, Ukrainian, and Russian/Kyrgyz typed in Latin letters. Only words that tell the
 * language apart are listed; words shared with Kyrgyz (бар, керек, сиз) are left to the Kyrgyz lexicon.
 */
import { buildLexicon, type Lexicon } from './lexicon'
import { foldCyrillic, foldLatin } from './tokens'

/** Cyrillic lexicons other than Russian and Kyrgyz, by ISO 639-1 code. */
export const CYRILLIC_LEXICONS: Readonly<Record<string, Lexicon>> = {
  kk: buildLexicon(
    [
      [
        1.2,
        `рахмет сәлем сәлеметсіз бе қалайсыз қалайсың қанша жақсы иә бағасы тенге теңге және бүгін ертең
        кеше неше мынау осы керемет кешіріңіз жеткізу жеткізесіз алайын аламын барма екі үш бес қазір ғой`,
      ],
    ],
    foldCyrillic,
  ),
  uz: buildLexicon(
    [
      [
        1.2,
        `салом нархи нарх яхши йўқ керак борми қаерда қачон нима илтимос мумкин билан эмас буюртма
        беринг юборинг катта кичкина сўм`,
      ],
    ],
    foldCyrillic,
  ),
  uk: buildLexicon([[1.3, `що привіт дякую будь ласка скільки коштує це розмір можна потрібно`]], foldCyrillic),
}

/** Latin-script lexicons, by ISO 639-1 code (`ru` and `ky` here mean transliterated Russian/Kyrgyz). */
export const LATIN_LEXICONS: Readonly<Record<string, Lexicon>> = {
  uz: buildLexicon(
    [
      [
        1.3,
        `salom assalomu rahmat qancha narxi narx bormi yoʻq yo'q yoq kerak yaxshi xop xoʻp
        qayerda qachon nima iltimos mumkin bilan uchun emas buyurtma yetkazib berasizmi bering yuboring
        katta kichik pul soʻm qanday qalay boladimi bo'ladimi boʻladi`,
      ],
    ],
    foldLatin,
  ),
  tr: buildLexicon(
    [
      [
        1.3,
        `merhaba selam teşekkürler teşekkür ederim sağol sağ ol ne kadar fiyat fiyatı fiyatlar var mı
        mi mu mü evet hayır lütfen tamam nasıl nerede sipariş kargo ücretsiz indirim için ile ve bu şu
        bir çok güzel iyi günaydın istiyorum alabilir miyim beden renk yok değil neden şimdi yarın bugün`,
      ],
    ],
    foldLatin,
  ),
  ru: buildLexicon(
    [
      [
        1.3,
        `privet privetik zdravstvuyte zdravstvuite zdrastvuite zdrasti spasibo spasib pozhaluysta
        pojaluysta pozhaluista pojaluista skolko skoko stoit cena tsena dostavka dostavku mozhno mojno nado
        nuzhno nujno horosho khorosho xorosho ladno kogda gde kak chto shto eto vy vas vam mne menya tebe
        segodnya zavtra seychas sejchas uzhe uje eshe esche tolko ochen davay davayte pozvonite napishite
        dobryy dobryi dobriy vecher utro zakaz razmer skidka skidku kupit hochu khochu budet est' nety netu`,
      ],
      [0.6, `net da ya ty na ne po i v s u k a`],
    ],
    foldLatin,
  ),
  ky: buildLexicon(
    [
      [
        1.3,
        `rahmat rakhmat kancha kanchadan baasy baasi barby barbi jok jakshy jakshi kandaisyz kandaysyz
        kandaisiz kandai kanday kerek emes ooba makul eje baike bayke azyr azir erten ertan bugun menin
        sizdin kaida kayda kachan emne bolot bolobu beriniz berip jiberiniz jibergile kelet alam kiyim
        saalamatsyzby salamatsyzby salamatsizbi akcha arzan kymbat jetkirip jetkiruu`,
      ],
      [0.4, `salam siz biz men bar`],
    ],
    foldLatin,
  ),
}
