import { z } from 'zod'

/** NODE_ENV's allowed values, shared by the server's env and the browser's public env. */
export const nodeEnvSchema = z.enum(['development', 'production', 'test'], { error: 'NODE_ENV must be development, production or test' }).default('development')
