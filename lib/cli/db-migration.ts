// npm run db:migration NAME: writes a new migration from the change to prisma/schema.prisma
// since the last migration, using Prisma's schema engine as WebAssembly (works offline).
import path from 'node:path';
import { createMigration } from '../db/create-migration.ts';
import { openLocalDatabase } from '../db/local-database.ts';

const name = process.argv[2];
if (!name) {
  console.error('usage: npm run db:migration <name>   (e.g. add_goals)');
  process.exit(2);
}
const database = await openLocalDatabase({ log: console.log });
try {
  const folder = await createMigration(name, database.url);
  console.log(folder ? `Created ${path.relative(process.cwd(), folder)}/migration.sql. Apply it with npm run db:migrate.` : 'No schema changes since the last migration.');
} finally {
  await database.stop();
}
