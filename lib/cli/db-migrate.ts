// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database),
// through DATABASE_DIRECT_URL when set: the runner holds a session advisory lock.
import { openLocalDatabase } from '../db/local-database.ts';
import { applyMigrations } from '../db/migrations.ts';

const database = await openLocalDatabase({ log: console.log });
try {
  const applied = await applyMigrations(process.env.DATABASE_DIRECT_URL || database.url, { log: console.log });
  console.log(applied.length ? `${applied.length} migration(s) applied.` : 'Database is up to date.');
} finally {
  await database.stop();
}
