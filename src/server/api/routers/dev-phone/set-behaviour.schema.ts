import { z } from 'zod'
import { organizationIdInput } from '../_shared/inputs'

const percent = z.number().int().min(0).max(100).default(0)

/** Proportions (percent) of sends that meet each answer; together at most 100. The seed makes a run repeatable. */
export const behaviourInput = z
  .object({
    ...organizationIdInput,
    notOnWhatsAppPercent: percent,
    failAckPercent: percent,
    undeliveredPercent: percent,
    blockedPercent: percent,
    seed: z.number().int().min(0).max(1_000_000).default(1),
  })
  .refine((b) => b.notOnWhatsAppPercent + b.failAckPercent + b.undeliveredPercent + b.blockedPercent <= 100, {
    path: ['notOnWhatsAppPercent'],
    message: 'validation.behaviourOver100',
  })

export type BehaviourInput = z.infer<typeof behaviourInput>
