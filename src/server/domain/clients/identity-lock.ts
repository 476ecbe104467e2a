/**
 * Serializes work on one customer's identities: a transaction takes a PostgreSQL advisory lock per
 * identity (phone, LID, WhatsApp id) in a fixed order before looking clients up, so two messages of the
 * same customer at once (or a message racing a merge) see each other's client instead of making two.
 * The locks are held until the transaction ends and are scoped by organization.
 */
import { type db, type Prisma } from '../../db'
import { identityLockKeys, type NormalizedIdentity } from './client-identity'

export type Tx = Prisma.TransactionClient | typeof db

/** Runs `fn` in the caller's transaction, or in a new one when given the plain client. */
export function inTransaction<T>(tx: Tx, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  // `db` is a Proxy over the process's client (`in` does not see its methods): ask for the method itself.
  const client = tx as Partial<typeof db>
  if (typeof client.$transaction === 'function') return (tx as typeof db).$transaction(fn)
  return fn(tx)
}

export async function lockIdentities(tx: Prisma.TransactionClient, organizationId: string, identity: Partial<NormalizedIdentity>): Promise<void> {
  for (const key of identityLockKeys(organizationId, identity)) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`
  }
}
