import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'

import type { AppRouter } from '~/server/api/root'

/**
 * What each procedure takes and returns, inferred from the router's type: React code reads its data
 * types from here (never from src/server), and the type-only import keeps server code out of the bundle.
 */
export type RouterInputs = inferRouterInputs<AppRouter>
export type RouterOutputs = inferRouterOutputs<AppRouter>
