/**
 * The key of a client's stored session archive. whatsapp-web.js RemoteAuth names it this way, so the
 * simulator and our config use the same name and one stored row serves whichever engine runs.
 */
export function remoteAuthSessionName(clientId: string): string {
  return `RemoteAuth-${clientId}`
}
