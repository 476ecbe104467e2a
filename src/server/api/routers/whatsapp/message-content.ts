import { z } from 'zod'

/** The text of an outgoing message, as send and sendBulk accept it. */
export const messageContentInput = z.string().trim().min(1, 'validation.messageEmpty').max(4096, 'validation.messageTooLong')
