/**
 * The language detector lives in src/server/text (the live pipeline uses it too); this path stays
 * because tools outside the app import it.
 */
export { DETECTABLE_LANGUAGES, detectLanguage, detectLanguageWithConfidence, type DetectedLanguage, type LanguageDetection } from '../../text/language-detector'
