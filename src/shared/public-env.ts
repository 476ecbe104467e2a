/**
 * The configuration the browser sees. Next inlines only NODE_ENV and NEXT_PUBLIC_* variables into
 * client bundles, and only where `process.env.X` is written out literally, so each one is named here.
 * Server code reads the full, validated environment from src/server/env.ts instead.
 */
import { z } from 'zod'
import { nodeEnvSchema } from './node-env'

const publicEnvSchema = z.object({ NODE_ENV: nodeEnvSchema })

export type PublicEnv = z.infer<typeof publicEnvSchema>

export const publicEnv: PublicEnv = publicEnvSchema.parse({ NODE_ENV: process.env.NODE_ENV })
