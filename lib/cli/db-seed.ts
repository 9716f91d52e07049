// npm run db:seed: applies migrations, then creates the demo workspaces and logins (with a
// published password and a platform operator). Never in production mode.
import { startMode } from '../config/env.ts';
import { openLocalDatabase } from '../db/local-database.ts';
import { applyMigrations } from '../db/migrations.ts';

if (startMode() === 'production') {
  console.error('db:seed: refused in production mode (NODE_ENV or WAYPOINT_MODE is production): the demo data has logins whose password is public.');
  process.exit(78);
}

const database = await openLocalDatabase({ log: console.log });
process.env.DATABASE_URL = database.url;
try {
  await applyMigrations(database.url, { log: console.log });
  const { seedDemo } = await import('../seed/seed-demo.ts');
  const { created } = await seedDemo();
  console.log(created ? `Demo data: ${created} rows created.` : 'Demo data already present.');
  const { disconnectDb } = await import('../db/client.ts');
  await disconnectDb();
} finally {
  await database.stop();
}
