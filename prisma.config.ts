// Prisma 7 reads its datasource from here. Migrations are applied by scripts/db-migrate.ts
// (the native schema engine cannot be downloaded on offline machines).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/waypoint' },
});
