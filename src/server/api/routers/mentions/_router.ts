import { createTRPCRouter, orgProcedure } from '../../trpc'
import { orgOnlyInput } from '../_shared/inputs'
import { listMentionsHandler, markMentionsReadHandler } from './mentions.handler'
import { markMentionsReadInput } from './mentions.schema'

/** mentions: the caller's own @mentions in notes (issue 13 point 8). */
export const mentionsRouter = createTRPCRouter({
  list: orgProcedure.input(orgOnlyInput).query(listMentionsHandler),
  markRead: orgProcedure.input(markMentionsReadInput).mutation(markMentionsReadHandler),
})
