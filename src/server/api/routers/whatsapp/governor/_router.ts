/** whatsapp.governor: the sending governor's state and figures, its log, live state; admins resume. */
import { orgOnlyInput } from '../../_shared/inputs'
import { adminProcedure, createTRPCRouter, orgProcedure } from '../../../trpc'
import { historyHandler } from './history.handler'
import { governorHistoryInput } from './history.schema'
import { onStateHandler } from './on-state.handler'
import { governorStateSubscriptionInput } from './on-state.schema'
import { resumeHandler } from './resume.handler'
import { statusHandler } from './status.handler'

export const whatsappGovernorRouter = createTRPCRouter({
  status: orgProcedure.input(orgOnlyInput).query(statusHandler),
  history: orgProcedure.input(governorHistoryInput).query(historyHandler),
  resume: adminProcedure.input(orgOnlyInput).mutation(resumeHandler),
  onState: orgProcedure.input(governorStateSubscriptionInput).subscription(onStateHandler),
})
