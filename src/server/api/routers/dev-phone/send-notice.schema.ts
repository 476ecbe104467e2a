import { z } from 'zod'
import { SIM_NOTICE_KINDS } from '../../../whatsapp/engines/simulator/simulator-control'
import { organizationIdInput } from '../_shared/inputs'

export const noticeInput = z.object({ ...organizationIdInput, from: z.string().trim().min(3).max(40), kind: z.enum(SIM_NOTICE_KINDS) })

export type NoticeInput = z.infer<typeof noticeInput>
