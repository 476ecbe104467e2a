/** /dev/phone's procedures; each runs behind simulatorProcedure (simulator engine only, org-scoped). */
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
import { setNetworkHandler } from './set-network.handler'
import { networkInput } from './set-network.schema'
import { simulatorProcedure } from './simulator-procedure'
import { stallLoginsHandler } from './stall-logins.handler'
import { stallLoginsInput } from './stall-logins.schema'
import { stateHandler } from './state.handler'
import { unbanHandler } from './unban.handler'

export const devPhoneRouter = createTRPCRouter({
  state: simulatorProcedure.input(orgOnlyInput).query(stateHandler),
  scan: simulatorProcedure.input(scanInput).mutation(scanHandler),
  sendAsCustomer: simulatorProcedure.input(customerMessageInput).mutation(sendAsCustomerHandler),
  logout: simulatorProcedure.input(orgOnlyInput).mutation(logoutHandler),
  ban: simulatorProcedure.input(orgOnlyInput).mutation(banHandler),
  unban: simulatorProcedure.input(orgOnlyInput).mutation(unbanHandler),
  setNetwork: simulatorProcedure.input(networkInput).mutation(setNetworkHandler),
  failNextSends: simulatorProcedure.input(failNextInput).mutation(failNextSendsHandler),
  revealNumber: simulatorProcedure.input(revealNumberInput).mutation(revealNumberHandler),
  replyFromPhone: simulatorProcedure.input(replyFromPhoneInput).mutation(replyFromPhoneHandler),
  deleteMessage: simulatorProcedure.input(deleteMessageInput).mutation(deleteMessageHandler),
  editMessage: simulatorProcedure.input(editMessageInput).mutation(editMessageHandler),
  sendNotice: simulatorProcedure.input(noticeInput).mutation(sendNoticeHandler),
  failNextAcks: simulatorProcedure.input(failNextAcksInput).mutation(failNextAcksHandler),
  stallLogins: simulatorProcedure.input(stallLoginsInput).mutation(stallLoginsHandler),
  expireQr: simulatorProcedure.input(orgOnlyInput).mutation(expireQrHandler),
})
