// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database).
import { openLocalDatabase } from '../db/local-database.ts';
import { applyMigrations } from '../db/migrations.ts';

const database = await openLocalDatabase({ log: console.log });
try {
  const applied = await applyMigrations(database.url, { log: console.log });
  console.log(applied.length ? `${applied.length} migration(s) applied.` : 'Database is up to date.');
} finally {
  await database.stop();
}
