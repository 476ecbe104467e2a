/** Request limits the browser and the server agree on. */

/** Calls in one tRPC batch: the server refuses more (400), so the browser's batch link splits at this. */
export const TRPC_MAX_BATCH = 20

/** Where the browser streams a chat export (the raw file as the body), and the headers it sends with it. */
export const EXPORT_UPLOAD_PATH = '/api/import/upload'
/** The file's name, URI-encoded. */
export const FILE_NAME_HEADER = 'x-file-name'
/** Marks a non-JSON mutation as sent by the app's own code (a cross-site HTML form cannot set it). */
export const APP_REQUEST_HEADER = 'x-soul-request'
