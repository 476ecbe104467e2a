/**
 * Optional LLM status detection sits behind this small interface. No provider ships with the product
 * (and this machine has no network): when none is configured, the import says so and uses the
 * keyword detector instead of pretending.
 */
import type { ClientStatus } from '../db/generated/enums'
import { processSlot } from '../process-singleton'

export interface StatusClassifier {
  readonly name: string
  classify(messages: Array<{ body: string; fromClient: boolean; timestamp?: Date }>): Promise<{ status: ClientStatus; confidence: number } | null>
}

const classifierSlot = processSlot<StatusClassifier | null>('status-classifier')

export function setStatusClassifier(classifier: StatusClassifier | null): void {
  classifierSlot.set(classifier)
}

export function getStatusClassifier(): StatusClassifier | null {
  return classifierSlot.get() ?? null
}
