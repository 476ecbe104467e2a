import 'server-only'

import { cache } from 'react'
import { getServerCaller } from '~/trpc/server'

/**
 * The signed-in user with their organization, for server components (once per request); null when
 * the session's user no longer exists.
 */
export const getCurrentUser = cache(async () => (await getServerCaller()).user.me().catch(() => null))
