/**
 * whatsapp: the connection (status, QR, connect, disconnect, live status), sending (single messages
 * from operators and agents, retries, bulk sends by admins, their preview and progress, quotas, warm-up) and settings.
 */
import { orgOnlyInput } from '../_shared/inputs'
import { adminProcedure, createTRPCRouter, orgProcedure } from '../../trpc'
import { bulkProgressHandler } from './bulk-progress.handler'
import { bulkProgressInput } from './bulk-progress.schema'
import { connectHandler } from './connect.handler'
import { disconnectHandler } from './disconnect.handler'
import { disconnectInput } from './disconnect.schema'
import { whatsappGovernorRouter } from './governor/_router'
import { onBulkProgressHandler } from './on-bulk-progress.handler'
import { onStatusHandler } from './on-status.handler'
import { statusSubscriptionInput } from './on-status.schema'
import { previewBulkHandler } from './preview-bulk.handler'
import { previewBulkInput } from './preview-bulk.schema'
import { qrHandler } from './qr.handler'
import { quotaHandler } from './quota.handler'
import { retryHandler } from './retry.handler'
import { retryInput } from './retry.schema'
import { sendBulkHandler } from './send-bulk.handler'
import { bulkInput } from './send-bulk.schema'
import { sendHandler } from './send.handler'
import { sendInput } from './send.schema'
import { whatsappSettingsRouter } from './settings/_router'
import { statusHandler } from './status.handler'
import { warmUpHandler } from './warm-up.handler'

export const whatsappRouter = createTRPCRouter({
  send: orgProcedure.input(sendInput).mutation(sendHandler),
  retry: orgProcedure.input(retryInput).mutation(retryHandler),
  sendBulk: adminProcedure.input(bulkInput).mutation(sendBulkHandler),
  previewBulk: adminProcedure.input(previewBulkInput).mutation(previewBulkHandler),
  bulkProgress: orgProcedure.input(bulkProgressInput).query(bulkProgressHandler),
  onBulkProgress: orgProcedure.input(bulkProgressInput).subscription(onBulkProgressHandler),
  quota: orgProcedure.input(orgOnlyInput).query(quotaHandler),
  warmUp: orgProcedure.input(orgOnlyInput).query(warmUpHandler),

  settings: whatsappSettingsRouter,
  governor: whatsappGovernorRouter,

  status: orgProcedure.input(orgOnlyInput).query(statusHandler),
  qr: orgProcedure.input(orgOnlyInput).query(qrHandler),
  connect: adminProcedure.input(orgOnlyInput).mutation(connectHandler),
  disconnect: adminProcedure.input(disconnectInput).mutation(disconnectHandler),
  onStatus: orgProcedure.input(statusSubscriptionInput).subscription(onStatusHandler),
})
