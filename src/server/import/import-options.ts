import { z } from 'zod'

/** What a history import brings in. The same switches the spec's import form has. */
export const importOptionsSchema = z.object({
  importContacts: z.boolean().default(true),
  importMessages: z.boolean().default(true),
  detectStatus: z.boolean().default(true),
  useLLMStatusDetection: z.boolean().default(false),
  /** Leave clients that already exist untouched (their messages are still deduplicated). */
  skipDuplicates: z.boolean().default(true),
  /** Show what would be imported; write nothing. */
  dryRun: z.boolean().default(false),
})

export type ImportOptions = z.infer<typeof importOptionsSchema>
