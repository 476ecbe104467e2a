/**
 * The client's IP address for sign-in throttling. server.ts reads it from the socket (or, when
 * TRUST_PROXY says how many proxies stand in front, from X-Forwarded-For) and hands it to Next in a
 * header of its own, overwriting whatever a client sent under that name.
 */
import type { IncomingHttpHeaders } from 'node:http'

export const CLIENT_IP_HEADER = 'x-soul-client-ip'

/**
 * Express's rule: with `trustedHops` proxies, the address `trustedHops` steps back from the socket
 * along X-Forwarded-For (the proxies append; anything further left is whatever the client wrote).
 */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = normalize(socketAddress ?? '') || 'unknown'
  if (trustedHops <= 0 || !forwardedFor) return socket
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((a) => normalize(a.trim()))
    .filter(Boolean)
  const chain = [...forwarded, socket]
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? socket
}

/** Sets the client IP header on an incoming Node request (server.ts), replacing any value the client sent. */
export function stampClientIp(req: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } }, trustedHops: number): void {
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedHops)
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4) is the IPv4 address; keep it short and printable. */
function normalize(address: string): string {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address
  return plain.replace(/[^0-9a-fA-F.:]/g, '').slice(0, 45)
}
