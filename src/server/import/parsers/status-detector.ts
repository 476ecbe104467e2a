/** @deprecated moved to src/server/text/status-detector.ts; this re-export goes once every importer uses the new path. */
export {
  detectClientStatus,
  type StatusDetection,
  type StatusDetectionOptions,
  type StatusMessage,
} from '../../text/status-detector'
