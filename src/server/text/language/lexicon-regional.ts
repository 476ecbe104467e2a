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
        беринг юборинг катта кичкина сўм эртага оламан оласизми кутаман`,
      ],
    ],
    foldCyrillic,
  ),
  tg: buildLexicon(
    [
      [
        1.2,
        `ташаккур нархаш нархи чанд аст ҳаст нест мефиристед мефиристам меоям меоем пагоҳ имрӯз андоза андозаи
        калон хурд шумо барои хуб лутфан куҷо кай мехоҳам метавонам пул мегузаронам ранг рангаш`,
      ],
      [0.6, `ман ба бо дар`],
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
        `salom assalomu qancha ertaga olaman olasizmi kutaman jo'natasizmi narxi narx bormi yoʻq yo'q yoq kerak yaxshi xop xoʻp
        qayerda qachon nima iltimos mumkin bilan uchun emas buyurtma yetkazib berasizmi bering yuboring
        katta kichik pul soʻm qanday qalay boladimi bo'ladimi boʻladi`,
      ],
      [0.6, `rahmat`],
    ],
    foldLatin,
  ),
  tg: buildLexicon(
    [
      [
        1.3,
        `tashakkur narkhash narkhi narxash chand ast hast nest mefiristed mefiristam meoyam meoem pagoh
        imruz andoza andozai kalon khurd shumo baroi khub lutfan kujo mekhoham metavonam meguzaronam rangash`,
      ],
    ],
    foldLatin,
  ),
  kk: buildLexicon(
    [
      [
        1.3,
        `salem salemetsiz qalaisyz qalaysyz rakhmet rakmet raqmet bagasy qansha jetkizu jetkizesiz qazir
        erten alamyn alaiyn tóleimin toleimin osy myna kerek jaqsy jaksy tenge tengege`,
      ],
      [0.6, `ma me ba be pa pe`],
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
        pojaluysta pozhaluista pojaluista skolko skoko stoit mozhno mojno nado
        nuzhno nujno horosho khorosho xorosho ladno kogda gde kak chto shto eto vy vas vam mne menya tebe
        segodnya zavtra seychas sejchas uzhe uje eshe esche tolko ochen davay davayte pozvonite napishite
        dobryy dobryi dobriy vecher utro kupit hochu khochu budet est' nety netu dogovorilis izvinite ponyatno poniatno spasibki
        pojalusta pozhalusta pozhalsta plz pliz`,
      ],
      [0.6, `net da ya ty na ne po i v s u k a`],
    ],
    foldLatin,
  ),
  ky: buildLexicon(
    [
      [
        1.3,
        `kancha kanchadan baasy baasi barby barbi jok jakshy jakshi kandaisyz kandaysyz
        kandaisiz kandai kanday kerek emes ooba makul eje baike bayke azyr azir erten ertan bugun menin
        sizdin kaida kayda kachan emne bolot bolobu beriniz berip jiberiniz jibergile kelet alam kiyim
        saalamatsyzby salamatsyzby salamatsizbi akcha arzan kymbat jetkirip jetkiruu`,
      ],
      [0.4, `salam siz biz men bar`],
      [0.5, `rahmat rakhmat`],
    ],
    foldLatin,
  ),
}
