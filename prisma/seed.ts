/** `npm run db:seed`: loads the demo data and prints the logins. */
import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd())
const { createPrismaClient } = await import('../src/server/db')
const { seedDemo, DEMO } = await import('./seed-data')

const db = createPrismaClient(process.env.DATABASE_URL!)
try {
  await seedDemo(db)
  const lines = [
    '',
    'Demo data is ready. Sign in at http://localhost:' + (process.env.PORT ?? '3000') + ' with:',
    `  admin:    ${DEMO.admin.email} / ${DEMO.admin.password}`,
    `  operator: ${DEMO.operator.email} / ${DEMO.operator.password}`,
    `  (second organization for isolation checks: ${DEMO.otherAdmin.email} / ${DEMO.otherAdmin.password})`,
    '',
  ]
  process.stdout.write(lines.join('\n') + '\n')
} finally {
  await db.$disconnect()
}
