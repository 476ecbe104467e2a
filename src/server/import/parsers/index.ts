/**
 * Parsers of WhatsApp chat exports (dates, authors, media markers, wall-clock time): pure functions,
 * no I/O. The text detectors the live pipeline shares live in src/server/text.
 */
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
export { inferDateOrder, parseWhatsAppExport, type ParseExportOptions, type ParsedExportMessage } from './whatsapp-export-parser'
export { isSystemBody, matchMediaPlaceholder, type MediaKind, type MediaPlaceholder } from './export-markers'
export { DEFAULT_EXPORT_TIME_ZONE, isValidTimeZone, wallClockToInstant, type WallClock } from './wall-clock-time'
