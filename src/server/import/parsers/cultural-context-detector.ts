/** @deprecated moved to src/server/text/cultural-context-detector.ts; this re-export goes once every importer uses the new path. */
export { detectCulturalContext, type CulturalContext, type Formality } from '../../text/cultural-context-detector'
