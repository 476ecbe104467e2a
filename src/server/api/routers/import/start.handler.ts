import { startHistoryImport } from '../../../import/history/history-import'
import type { OrgContext } from '../../trpc'
import type { StartImportInput } from './start.schema'

/** Starts a history import over a separate WhatsApp session; its QR follows through onProgress. */
export function startHandler({ ctx, input }: { ctx: OrgContext; input: StartImportInput }) {
  const { organizationId: _org, ...options } = input
  return startHistoryImport(ctx.organizationId, ctx.user.id, options)
}
