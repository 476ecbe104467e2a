/**
 * The database's enums (client status, message status, roles…) for code on both sides. Prisma
 * generates them as plain constants with no imports, so the browser may use them through here;
 * nothing outside src/server imports the generated folder directly.
 */
export * from '../server/db/generated/enums'
