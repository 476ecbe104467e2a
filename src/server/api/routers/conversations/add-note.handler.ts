import { addNote } from '../../../domain/conversations/notes'
import type { OrgContext } from '../../trpc'
import type { AddNoteInput } from './add-note.schema'

/** A private note in the thread (never sent to WhatsApp); @mentions notify those named. */
export function addNoteHandler({ ctx, input }: { ctx: OrgContext; input: AddNoteInput }) {
  return addNote(ctx.organizationId, ctx.user, input.conversationId, input.content)
}
