/**
 * Parsers of WhatsApp chat exports (dates, authors, media markers, wall-clock time): pure functions,
 * no I/O. The text detectors the live pipeline shares live in src/server/text.
 */
// The text detectors moved to src/server/text; re-exported while importers still reach them through here.
export {
  DETECTABLE_LANGUAGES,
  detectClientStatus,
  detectCulturalContext,
  detectLanguage,
  detectLanguageWithConfidence,
  evaluateLanguageAccuracy,
  extractBestName,
  cleanNameCandidate,
  findSelfIntroduction,
  findStatusSignals,
  formatPersonName,
  isLabeledTextList,
  type CulturalContext,
  type DetectedLanguage,
  type Formality,
  type LabeledText,
  type LanguageAccuracy,
  type LanguageDetection,
  type LanguageMiss,
  type StatusDetection,
  type StatusDetectionOptions,
  type StatusMessage,
  type StatusSignal,
  type StatusSignalKind,
} from '../../text'
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
