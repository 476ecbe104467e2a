import { adminProcedure, createTRPCRouter, orgProcedure } from '../../trpc'
import { createHandler } from './create.handler'
import { quickReplyCreateInput } from './create.schema'
import { deleteHandler } from './delete.handler'
import { quickReplyDeleteInput } from './delete.schema'
import { listHandler } from './list.handler'
import { quickReplyListInput } from './list.schema'
import { updateHandler } from './update.handler'
import { quickReplyUpdateInput } from './update.schema'

/** quickReplies: saved replies for the composer's `/` picker (issue 13 point 4). Everyone lists, admins change. */
export const quickRepliesRouter = createTRPCRouter({
  list: orgProcedure.input(quickReplyListInput).query(listHandler),
  create: adminProcedure.input(quickReplyCreateInput).mutation(createHandler),
  update: adminProcedure.input(quickReplyUpdateInput).mutation(updateHandler),
  delete: adminProcedure.input(quickReplyDeleteInput).mutation(deleteHandler),
})
