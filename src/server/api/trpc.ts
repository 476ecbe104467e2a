/**
 * tRPC setup, top to bottom: context, initialization, procedures.
 *
 * One context serves the HTTP route, server components, the server-side caller (AI agents) and tests.
 * Domain code throws AppError; the middleware here is the only place that turns it into a TRPCError,
 * and the error formatter translates messages into the caller's language.
 */
import { metrics } from '../observability/metrics'
import { initTRPC, TRPCError } from '@trpc/server'
import superjson from 'superjson'
import { ZodError } from 'zod'
import type { SessionUser } from '../auth/session-user'
import { isAppError, type AppErrorCode } from '../errors'
import { flattenZodError, translateError } from '../i18n/translate'
import { logger } from '../logger'
import { endWhenSessionEnds, recheckIntervalMs, sessionStillValid } from './session-recheck'
import { sseOptions } from './sse-options'
import { defaultLocale, type Locale } from '~/i18n/locales'
import { resolveLocale } from '~/i18n/resolve-locale'

// 1. Context --------------------------------------------------------------------------------------

export interface TRPCContext {
  user: SessionUser | null
  locale: Locale
  /** Where the call came from: the browser, a server component, server-side code (agents), tests. */
  source: 'http' | 'rsc' | 'server' | 'test'
  /** Set only by the agent API (server-side caller): sends go out as AI with agent priority. */
  agent?: { type: string }
}

export function createTRPCContext(input: Partial<TRPCContext> & Pick<TRPCContext, 'user'>): TRPCContext {
  return { locale: resolveLocale({ saved: input.user?.locale }), source: 'server', ...input }
}

// 2. Initialization -------------------------------------------------------------------------------

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  sse: sseOptions,
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? defaultLocale
    const zodError = error.cause instanceof ZodError ? flattenZodError(locale, error.cause) : null
    const appError = isAppError(error.cause) ? error.cause : null
    let message = shape.message
    if (zodError) message = zodError.formErrors[0] ?? Object.values(zodError.fieldErrors)[0]?.[0] ?? message
    else if (appError) message = translateError(locale, appError.messageKey, appError.params)
    else if (error.code === 'INTERNAL_SERVER_ERROR') message = translateError(locale, 'internal')
    else if (error.code === 'UNAUTHORIZED') message = translateError(locale, 'unauthorized')
    else if (error.code === 'FORBIDDEN' && !appError) message = translateError(locale, 'forbidden')
    const { stack: _stack, ...data } = shape.data
    return {
      ...shape,
      message,
      data: {
        ...data,
        zodError,
        appCode: appError?.messageKey ?? null,
        details: appError?.details ?? null,
      },
    }
  },
})

const codeMap: Record<AppErrorCode, TRPCError['code']> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
}

function toTRPCError(error: unknown): unknown {
  if (isAppError(error)) return new TRPCError({ code: codeMap[error.code], message: error.message, cause: error })
  if (error instanceof TRPCError && isAppError(error.cause)) return toTRPCError(error.cause)
  // Validation that can only run in a handler (e.g. settings merged with stored values) is still bad input.
  if (error instanceof TRPCError && error.code === 'INTERNAL_SERVER_ERROR' && error.cause instanceof ZodError) {
    return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error.cause })
  }
  return error
}

/** Subscriptions fail while iterating, after the middleware returned: map their errors too. */
async function* mapIterationErrors<T>(iterable: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* iterable
  } catch (error) {
    throw toTRPCError(error)
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}

/** Turns domain errors into tRPC errors; logs unexpected ones without their inputs. */
const errorMapping = t.middleware(async ({ next, path, ctx, type }) => {
  const result = await next()
  if (!result.ok) {
    const mapped = toTRPCError(result.error)
    if (mapped !== result.error) throw mapped
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      logger.error({ path, userId: ctx.user?.id, organizationId: ctx.user?.organizationId, err: result.error.cause ?? result.error }, 'procedure failed')
    }
    return result
  }
  if (type === 'subscription' && isAsyncIterable(result.data)) {
    return { ...result, data: mapIterationErrors(result.data) }
  }
  return result
})

export const createTRPCRouter = t.router
export const createCallerFactory = t.createCallerFactory
export const mergeRouters = t.mergeRouters

// 3. Procedures -----------------------------------------------------------------------------------

/** Durations per procedure and result code (the path is one of our router's, a closed set; inputs never become labels). */
const timing = t.middleware(async ({ next, path, type }) => {
  const end = metrics().trpcDuration.startTimer({ procedure: path, type })
  const result = await next()
  end({ code: result.ok ? 'OK' : result.error.code })
  return result
})

export const publicProcedure = t.procedure.use(timing).use(errorMapping)

/**
 * Signed in: `ctx.user` is non-null from here on. A browser's subscription keeps re-checking the user
 * while it streams (session-recheck.ts): requests are checked when their context is made.
 */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next, type }) => {
  const user = ctx.user
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED' })
  const result = await next({ ctx: { ...ctx, user } })
  if (type === 'subscription' && ctx.source === 'http' && result.ok && isAsyncIterable(result.data)) {
    return { ...result, data: endWhenSessionEnds(result.data, () => sessionStillValid(user), recheckIntervalMs()) }
  }
  return result
})

/**
 * Scoped to one organization: `ctx.organizationId` is the caller's own, or (SUPER_ADMIN only) the one
 * named in the input as `organizationId`. Every query below must filter by it.
 */
export const orgProcedure = protectedProcedure.use(async ({ ctx, next, getRawInput }) => {
  // An empty organizationId names none (the input schema refuses it); it must never become ctx.organizationId ''.
  const raw = await getRawInput()
  const requested =
    raw && typeof raw === 'object' && 'organizationId' in raw && typeof raw.organizationId === 'string' && raw.organizationId !== ''
      ? raw.organizationId
      : undefined
  if (requested && requested !== ctx.user.organizationId && ctx.user.role !== 'SUPER_ADMIN') {
    throw new TRPCError({ code: 'FORBIDDEN' })
  }
  return next({ ctx: { ...ctx, organizationId: requested ?? ctx.user.organizationId } })
})

/** Organization admins (and super admins). */
export const adminProcedure = orgProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'ADMIN' && ctx.user.role !== 'SUPER_ADMIN') throw new TRPCError({ code: 'FORBIDDEN' })
  return next()
})

/** What handlers behind protectedProcedure see: a signed-in user. */
export type ProtectedContext = TRPCContext & { user: SessionUser }

/** What handlers behind orgProcedure and adminProcedure see: the organization every query filters by. */
export type OrgContext = ProtectedContext & { organizationId: string }
