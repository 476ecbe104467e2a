import { captionTextInput, outgoingTextInput } from '~/shared/message-text'

/**
 * The text of an outgoing message, as send and sendBulk accept it: cleaned first (NUL and lone
 * surrogates removed, line endings LF: shared/message-text.ts), then checked, so a text that is empty
 * or too long once cleaned is refused before anything is created or counted.
 */
export const messageContentInput = outgoingTextInput

/** A file's caption: cleaned like a text, and empty allowed. */
export const captionInput = captionTextInput
