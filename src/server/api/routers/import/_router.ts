/** Import: history over a separate WhatsApp session, and chat-export uploads. Admins run them; members watch. */
import { adminProcedure, createTRPCRouter, orgProcedure } from '../../trpc'
import { cancelHandler } from './cancel.handler'
import { jobInput } from './cancel.schema'
import { commitExportHandler } from './commit-export.handler'
import { commitExportInput } from './commit-export.schema'
import { onProgressHandler } from './on-progress.handler'
import { progressInput } from './on-progress.schema'
import { previewExportHandler } from './preview-export.handler'
import { uploadInput } from './preview-export.schema'
import { startHandler } from './start.handler'
import { startImportInput } from './start.schema'
import { statusHandler } from './status.handler'
import { statusInput } from './status.schema'

export const importRouter = createTRPCRouter({
  start: adminProcedure.input(startImportInput).mutation(startHandler),
  cancel: adminProcedure.input(jobInput).mutation(cancelHandler),
  status: orgProcedure.input(statusInput).query(statusHandler),
  onProgress: orgProcedure.input(progressInput).subscription(onProgressHandler),
  previewExport: adminProcedure.input(uploadInput).mutation(previewExportHandler),
  commitExport: adminProcedure.input(commitExportInput).mutation(commitExportHandler),
})
