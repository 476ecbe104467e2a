import { z } from 'zod'

/** The signed-in user's switch for browser notifications and sound on new customer messages. */
export const setNotificationsInput = z.object({ enabled: z.boolean() })

export type SetNotificationsInput = z.infer<typeof setNotificationsInput>
