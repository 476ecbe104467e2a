/**
 * /dev/phone's procedures; each runs behind simulatorProcedure (simulator engine only, org-scoped).
 * What acts on the business side (linking, logout, ban, network, injected failures) is for admins;
 * what customers do (write, hide or reveal their number, notices) and the phone's chats stay for everyone.
 */
import { orgOnlyInput } from '../_shared/inputs'
import { createTRPCRouter } from '../../trpc'
import { banHandler } from './ban.handler'
import { deleteMessageHandler } from './delete-message.handler'
import { deleteMessageInput } from './delete-message.schema'
import { editMessageHandler } from './edit-message.handler'
import { editMessageInput } from './edit-message.schema'
import { expireQrHandler } from './expire-qr.handler'
import { failNextAcksHandler } from './fail-next-acks.handler'
import { failNextAcksInput } from './fail-next-acks.schema'
import { failNextSendsHandler } from './fail-next-sends.handler'
import { failNextInput } from './fail-next-sends.schema'
import { logoutHandler } from './logout.handler'
import { logoutInput } from './logout.schema'
import { revealNumberHandler } from './reveal-number.handler'
import { revealNumberInput } from './reveal-number.schema'
import { replyFromPhoneHandler } from './reply-from-phone.handler'
import { replyFromPhoneInput } from './reply-from-phone.schema'
import { scanHandler } from './scan.handler'
import { scanInput } from './scan.schema'
import { sendAsCustomerHandler } from './send-as-customer.handler'
import { customerMessageInput } from './send-as-customer.schema'
import { sendNoticeHandler } from './send-notice.handler'
import { noticeInput } from './send-notice.schema'
import { setBehaviourHandler } from './set-behaviour.handler'
import { behaviourInput } from './set-behaviour.schema'
import { setNetworkHandler } from './set-network.handler'
import { networkInput } from './set-network.schema'
import { simulatorAdminProcedure, simulatorProcedure } from './simulator-procedure'
import { stallLoginsHandler } from './stall-logins.handler'
import { stallLoginsInput } from './stall-logins.schema'
import { stateHandler } from './state.handler'
import { unbanHandler } from './unban.handler'

export const devPhoneRouter = createTRPCRouter({
  state: simulatorProcedure.input(orgOnlyInput).query(stateHandler),
  scan: simulatorAdminProcedure.input(scanInput).mutation(scanHandler),
  sendAsCustomer: simulatorProcedure.input(customerMessageInput).mutation(sendAsCustomerHandler),
  logout: simulatorAdminProcedure.input(logoutInput).mutation(logoutHandler),
  ban: simulatorAdminProcedure.input(orgOnlyInput).mutation(banHandler),
  unban: simulatorAdminProcedure.input(orgOnlyInput).mutation(unbanHandler),
  setNetwork: simulatorAdminProcedure.input(networkInput).mutation(setNetworkHandler),
  failNextSends: simulatorAdminProcedure.input(failNextInput).mutation(failNextSendsHandler),
  revealNumber: simulatorProcedure.input(revealNumberInput).mutation(revealNumberHandler),
  replyFromPhone: simulatorProcedure.input(replyFromPhoneInput).mutation(replyFromPhoneHandler),
  deleteMessage: simulatorProcedure.input(deleteMessageInput).mutation(deleteMessageHandler),
  editMessage: simulatorProcedure.input(editMessageInput).mutation(editMessageHandler),
  sendNotice: simulatorProcedure.input(noticeInput).mutation(sendNoticeHandler),
  failNextAcks: simulatorAdminProcedure.input(failNextAcksInput).mutation(failNextAcksHandler),
  stallLogins: simulatorAdminProcedure.input(stallLoginsInput).mutation(stallLoginsHandler),
  expireQr: simulatorAdminProcedure.input(orgOnlyInput).mutation(expireQrHandler),
  setBehaviour: simulatorAdminProcedure.input(behaviourInput).mutation(setBehaviourHandler),
})
