'use client'

/**
 * The browser's tRPC client: queries and mutations over HTTP batching, subscriptions over SSE
 * (httpSubscriptionLink), which carries the next-auth cookie as it is. No polling anywhere.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, loggerLink, splitLink } from '@trpc/client'
import { sharedSubscriptionLink } from './shared-subscription-link'
import { createTRPCContext } from '@trpc/tanstack-react-query'
import { useState } from 'react'
import superjson from 'superjson'
import type { AppRouter } from '~/server/api/root'
import { publicEnv } from '~/shared/public-env'
import { TRPC_MAX_BATCH } from '~/shared/request-limits'
import { makeQueryClient } from './query-client'

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>()

let browserQueryClient: QueryClient | undefined
function getQueryClient() {
  if (typeof window === 'undefined') return makeQueryClient()
  browserQueryClient ??= makeQueryClient()
  return browserQueryClient
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient()
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => publicEnv.NODE_ENV === 'development' && op.direction === 'down' && op.result instanceof Error }),
        // Subscribers of the same procedure and input share one stream (browsers allow 6 connections per host).
        sharedSubscriptionLink<AppRouter>(),
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink<AppRouter, typeof EventSource>({ url: '/api/trpc', transformer: superjson }),
          false: httpBatchLink({ url: '/api/trpc', transformer: superjson, maxItems: TRPC_MAX_BATCH }),
        }),
      ],
    }),
  )
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  )
}
