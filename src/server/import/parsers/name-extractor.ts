/** @deprecated moved to src/server/text/name-extractor.ts; this re-export goes once every importer uses the new path. */
export { cleanNameCandidate, extractBestName, findSelfIntroduction, formatPersonName } from '../../text/name-extractor'
