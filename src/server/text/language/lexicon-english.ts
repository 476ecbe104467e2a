/** English words frequent in shop chats (folded: apostrophes dropped, so `I'm` is `im`). */
import { buildLexicon } from './lexicon'
import { foldLatin } from './tokens'

const FUNCTION_WORDS = `
  the a an and or but if so of to in on at by for with from about into over after before until than
  is are was were be been being am do does did done have has had having will would can could shall should
  may might must not no yes i me my mine you your yours he him his she her it its we us our they them their
  this that these those there here what which who whom whose when where why how all any some many much more
  most few little very too also just only still already again then now today tomorrow tonight yesterday
  asap btw im ive ill id youre youll youve hes shes its were theyre thats whats wheres dont doesnt didnt cant
  couldnt wont wouldnt isnt arent wasnt havent hasnt lets
`

const CHAT_WORDS = `
  u ur ya yep yeah yup nope nah gonna wanna gotta tmrw tmr cheers mate guys lol omg idk dunno pic pics
`

const COMMON_WORDS = `
  hi hello hey thanks thank thx tnx pls plz please sorry sure great good nice perfect awesome cool fine welcome bye
  morning afternoon evening night day week weekend monday tuesday wednesday thursday friday saturday sunday
  price prices cost costs much many how discount deal cheap cheaper expensive free delivery deliver shipping
  ship order ordered orders buy bought pay paid payment card cash money transfer bank sent send check size
  sizes color colors colour small big large medium available stock store shop location address open close
  closed call text message photo photos picture pictures pics item items set one two three four five six
  seven ten want wanted need needs like love take get got give make come came go going see seen look looking
  know think tell ask help wait arrive arrived pick up drop hold book booking booked reserve table menu
  english speak exchange return refund change changed mind interested recommend recommended friend real
      new old quality minutes hour hours time still located near far there rent flat
  room group people person kids child baby gift birthday cake cakes shoes dress shirt jacket
  accept best whole work after confirm wrong right left again lot bit yet sold anything
  something nothing everything possible days long does which would have
`

/** The English lexicon (Latin, folded). */
export const ENGLISH_LEXICON = buildLexicon(
  [
    [0.8, CHAT_WORDS],
    [1.0, COMMON_WORDS],
    [1.2, FUNCTION_WORDS],
  ],
  foldLatin,
)
