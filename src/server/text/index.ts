/**
 * Text detectors shared by the live pipeline and the import: language, name, cultural context and
 * client status. Pure functions, no I/O, importable from any layer.
 */
export { DETECTABLE_LANGUAGES, detectLanguage, detectLanguageWithConfidence, type DetectedLanguage, type LanguageDetection } from './language-detector'
export { evaluateLanguageAccuracy, isLabeledTextList, type LabeledText, type LanguageAccuracy, type LanguageMiss } from './language-evaluation'
export { detectClientStatus, type StatusDetection, type StatusDetectionOptions, type StatusMessage } from './status-detector'
export { findStatusSignals, type StatusSignal, type StatusSignalKind } from './status-signals'
export { cleanNameCandidate, extractBestName, findSelfIntroduction, formatPersonName } from './name-extractor'
export { detectCulturalContext, type CulturalContext, type Formality } from './cultural-context-detector'
export { detectOptOut, type OptOutDetection, type OptOutLanguage } from './opt-out-detector'
