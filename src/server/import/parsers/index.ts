/**
 * Parsers shared by chat-history import and live WhatsApp messages: pure functions, no I/O.
 */
export {
  DETECTABLE_LANGUAGES,
  detectLanguage,
  detectLanguageWithConfidence,
  type DetectedLanguage,
  type LanguageDetection,
} from './language-detector'
export {
  evaluateLanguageAccuracy,
  isLabeledTextList,
  type LabeledText,
  type LanguageAccuracy,
  type LanguageMiss,
} from './language-evaluation'
export {
  detectClientStatus,
  type StatusDetection,
  type StatusDetectionOptions,
  type StatusMessage,
} from './status-detector'
export { findStatusSignals, type StatusSignal, type StatusSignalKind } from './status-signals'
export { cleanNameCandidate, extractBestName, findSelfIntroduction, formatPersonName } from './name-extractor'
export { detectCulturalContext, type CulturalContext, type Formality } from './cultural-context-detector'
export {
  cleanAuthor,
  expandYear,
  interpretDate,
  matchExportHeader,
  splitAuthorAndBody,
  to24Hour,
  type DateOrder,
  type ExportLayout,
  type ExportLineHeader,
  type LineContent,
  type Meridiem,
} from './message-parser'
export {
  inferDateOrder,
  parseWhatsAppExport,
  type ParseExportOptions,
  type ParsedExportMessage,
} from './whatsapp-export-parser'
export { isSystemBody, matchMediaPlaceholder, type MediaKind, type MediaPlaceholder } from './export-markers'
export {
  DEFAULT_EXPORT_TIME_ZONE,
  isValidTimeZone,
  wallClockToInstant,
  type WallClock,
} from './wall-clock-time'
