/** next-auth's `authorize` for the credentials provider, over checkCredentials (sign-in.ts). */
import { CredentialsSignin } from 'next-auth'
import { CLIENT_IP_HEADER } from './client-ip'
import { checkCredentials, type AuthorizedUser } from './sign-in'

/** Too many failed sign-ins for this email or IP address: `code` is `throttled:<minutes to wait>` (read by the sign-in action). */
export class SignInThrottled extends CredentialsSignin {
  constructor(readonly retryAfterMinutes: number) {
    super()
    this.code = `throttled:${retryAfterMinutes}`
  }
}

/** The user, or null for a refused sign-in; throws SignInThrottled while throttled. */
export async function authorizeCredentials(raw: unknown, request: Request): Promise<AuthorizedUser | null> {
  // server.ts stamps the client IP on every request (client-ip.ts); next-auth passes the headers on.
  const result = await checkCredentials(raw, request.headers.get(CLIENT_IP_HEADER) ?? 'unknown')
  if ('throttledMinutes' in result) throw new SignInThrottled(result.throttledMinutes)
  return 'user' in result ? result.user : null
}
