/** `npm run db:seed`: loads the demo data and prints the logins. */
import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd())
const { getEnvPart } = await import('../src/server/env')
// Seeding needs the database and the port only, not the whole app config (AUTH_SECRET and so on).
const { DATABASE_URL, PORT } = getEnvPart('DATABASE_URL', 'PORT')
const { createPrismaClient } = await import('../src/server/db')
const { seedDemo, DEMO } = await import('./seed-data')

const db = createPrismaClient(DATABASE_URL)
try {
  await seedDemo(db)
  const lines = [
    '',
    `Demo data is ready. Sign in at http://localhost:${PORT} with:`,
    `  admin:    ${DEMO.admin.email} / ${DEMO.admin.password}`,
    `  operator: ${DEMO.operator.email} / ${DEMO.operator.password}`,
    `  (second organization for isolation checks: ${DEMO.otherAdmin.email} / ${DEMO.otherAdmin.password})`,
    '',
  ]
  process.stdout.write(lines.join('\n') + '\n')
} finally {
  await db.$disconnect()
}
