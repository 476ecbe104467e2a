import type { ClientStatus } from '~/shared/enums'
import { isClientStatus } from './client-statuses'

/** The client list's state as it lives in the URL: ?q=&status=&language=&page= */
export interface ClientListParams {
  search: string
  status: ClientStatus | undefined
  language: string | undefined
  page: number
}

export const CLIENTS_PAGE_SIZE = 20

export function readClientListParams(params: Pick<URLSearchParams, 'get'>): ClientListParams {
  const page = Number(params.get('page'))
  const language = params.get('language')?.trim()
  const status = params.get('status')
  return {
    search: params.get('q')?.trim() ?? '',
    status: isClientStatus(status) ? status : undefined,
    language: language && language.length >= 2 && language.length <= 8 ? language : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  }
}

/** The list's URL for the given state (defaults are left out, so the plain /clients stays clean). */
export function clientListHref(state: ClientListParams): string {
  const params = new URLSearchParams()
  if (state.search) params.set('q', state.search)
  if (state.status) params.set('status', state.status)
  if (state.language) params.set('language', state.language)
  if (state.page > 1) params.set('page', String(state.page))
  const query = params.toString()
  return query ? `/clients?${query}` : '/clients'
}
