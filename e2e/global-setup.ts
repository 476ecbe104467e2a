/**
 * Before the flows: the seeded organizations get quiet hours and warm-up off, like the integration
 * tests' organizations (src/server/testing/factories.ts). The flows run at any hour (at night in
 * Bishkek a bulk would wait for the morning) on a number the simulator linked minutes ago (capped at
 * 20 bulk messages a day); send-clock.e2e.ts turns both on to test them.
 */
import pg from 'pg'
import { e2eDatabaseUrl } from '../playwright.config'

export default async function globalSetup() {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl })
  await client.connect()
  try {
    await client.query(
      `UPDATE organizations SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{whatsapp}',
         COALESCE(settings->'whatsapp', '{}'::jsonb) || '{"quietHours": {"enabled": false}, "warmUp": {"enabled": false}}'::jsonb)`,
    )
  } finally {
    await client.end()
  }
}
