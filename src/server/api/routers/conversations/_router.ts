import { createTRPCRouter, orgProcedure } from '../../trpc'
import { assignmentProcedures } from './_assignment-procedures'
import { byIdHandler } from './by-id.handler'
import { conversationByIdInput } from './by-id.schema'
import { listHandler } from './list.handler'
import { conversationListInput } from './list.schema'
import { messagesHandler } from './messages.handler'
import { messageListInput } from './messages.schema'
import { onEventsHandler } from './on-events.handler'
import { searchHandler } from './search.handler'
import { inboxSearchInput } from './search.schema'
import { conversationEventsInput } from './on-events.schema'
// Unread and waiting for reply (issue 13 point 1)
import { orgOnlyInput } from '../_shared/inputs'
import { inboxCountsHandler } from './inbox-counts.handler'
import { markReadHandler } from './mark-read.handler'
import { markReadInput } from './mark-read.schema'
// New chats (issue 13 point 5)
import { startHandler } from './start.handler'
import { startInput } from './start.schema'

export const conversationsRouter = createTRPCRouter({
  list: orgProcedure.input(conversationListInput).query(listHandler),
  byId: orgProcedure.input(conversationByIdInput).query(byIdHandler),
  messages: orgProcedure.input(messageListInput).query(messagesHandler),
  search: orgProcedure.input(inboxSearchInput).query(searchHandler),
  onEvents: orgProcedure.input(conversationEventsInput).subscription(onEventsHandler),
  // Unread and waiting for reply (issue 13 point 1)
  markRead: orgProcedure.input(markReadInput).mutation(markReadHandler),
  inboxCounts: orgProcedure.input(orgOnlyInput).query(inboxCountsHandler),
  // New chats (issue 13 point 5)
  start: orgProcedure.input(startInput).mutation(startHandler),
  // issue 13: assignment, status, notes
  ...assignmentProcedures,
})
