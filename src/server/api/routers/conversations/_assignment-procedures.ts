/**
 * The inbox procedures of issue 13 points 2, 3 and 8 (assignment, status, notes), spread into the
 * conversations router: conversations.assign, setStatus, snooze, addNote, entries, members and
 * conversations.assignmentSettings.get/update.
 */
import { orgOnlyInput } from '../_shared/inputs'
import { adminProcedure, createTRPCRouter, orgProcedure } from '../../trpc'
import { addNoteHandler } from './add-note.handler'
import { addNoteInput } from './add-note.schema'
import { assignHandler } from './assign.handler'
import { assignInput } from './assign.schema'
import { getAssignmentSettingsHandler, updateAssignmentSettingsHandler } from './assignment-settings.handler'
import { assignmentSettingsUpdateInput } from './assignment-settings.schema'
import { conversationByIdInput } from './by-id.schema'
import { entriesHandler } from './entries.handler'
import { membersHandler } from './members.handler'
import { setStatusHandler } from './set-status.handler'
import { setStatusInput } from './set-status.schema'
import { snoozeHandler } from './snooze.handler'
import { snoozeInput } from './snooze.schema'

export const assignmentProcedures = {
  assign: orgProcedure.input(assignInput).mutation(assignHandler),
  setStatus: orgProcedure.input(setStatusInput).mutation(setStatusHandler),
  snooze: orgProcedure.input(snoozeInput).mutation(snoozeHandler),
  addNote: orgProcedure.input(addNoteInput).mutation(addNoteHandler),
  entries: orgProcedure.input(conversationByIdInput).query(entriesHandler),
  members: orgProcedure.input(orgOnlyInput).query(membersHandler),
  assignmentSettings: createTRPCRouter({
    get: orgProcedure.input(orgOnlyInput).query(getAssignmentSettingsHandler),
    update: adminProcedure.input(assignmentSettingsUpdateInput).mutation(updateAssignmentSettingsHandler),
  }),
}
