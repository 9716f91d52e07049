import { createTestDatabase } from './test-database.ts';

// `npm test` prepares the database and sets WAYPOINT_TEST_DATABASE=1; a bare `npx vitest`
// gets its own fresh database here.
export default async function setup() {
  if (process.env.WAYPOINT_TEST_DATABASE === '1') return;
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.TEST_DATABASE_SERVER_URL = database.serverUrl;
  process.env.WAYPOINT_TEST_DATABASE = '1';
  const { seedDemo } = await import('../../lib/seed/seed-demo.ts');
  await seedDemo();
  const { enableDemoOperatorTwoFactor } = await import('./staff-two-factor.ts');
  await enableDemoOperatorTwoFactor();
  const { disconnectDb } = await import('../../lib/db/client.ts');
  await disconnectDb();
  return () => database.cleanup();
}
