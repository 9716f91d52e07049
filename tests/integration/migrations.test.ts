import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaAtLastMigration, SCHEMA_PATH } from '../../lib/db/create-migration.ts';
import { dropDatabase, ensureDatabase, splitDatabaseUrl } from '../../lib/db/embedded-postgres.ts';
import { applyMigrations, listMigrations } from '../../lib/db/migrations.ts';
import { diffSchemas, isEmptyMigration } from '../../lib/db/schema-diff.ts';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? splitDatabaseUrl(process.env.DATABASE_URL!).serverUrl;
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const created: string[] = [];

async function freshDatabase(label: string): Promise<string> {
  const name = `waypoint_mig_${label}_${suffix}`;
  created.push(name);
  return ensureDatabase(serverUrl, name);
}

/** Tables, columns, indexes, constraints and enums, in a comparable form. */
async function catalog(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`),
      constraints: await q(`SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`),
      enums: await q(`SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, 3`),
    };
  } finally {
    await client.end();
  }
}

/**
 * Indexes on expressions, which schema.prisma cannot state: they exist only in their
 * migrations (each noted in the schema beside its model). A migrated database has exactly
 * these beyond what the schema describes.
 */
const EXPRESSION_INDEXES = ['ScimUser_directoryId_lower_userName_idx'];

afterAll(async () => {
  for (const name of created) await dropDatabase(serverUrl, name);
});

describe('migrations', () => {
  it('exist and each keeps the schema it was made from', () => {
    const migrations = listMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(schemaAtLastMigration()).not.toBeNull();
  });

  it('cover every change in schema.prisma (npm run db:migration was run)', async () => {
    const sql = await diffSchemas(schemaAtLastMigration(), readFileSync(SCHEMA_PATH, 'utf8'), process.env.DATABASE_URL!);
    expect(isEmptyMigration(sql), `schema.prisma has changes no migration covers:\n${sql}`).toBe(true);
  });

  it('build, on an empty database, exactly what schema.prisma describes', async () => {
    const migrated = await freshDatabase('a');
    const applied = await applyMigrations(migrated);
    expect(applied).toEqual(listMigrations().map((m) => m.name));

    const direct = await freshDatabase('b');
    const client = new pg.Client({ connectionString: direct });
    await client.connect();
    await client.query(await diffSchemas(null, readFileSync(SCHEMA_PATH, 'utf8'), direct));
    await client.end();

    const fromMigrations = (await catalog(migrated)) as { indexes: { indexname: string }[] };
    const beyondSchema = fromMigrations.indexes.filter((index) => EXPRESSION_INDEXES.includes(index.indexname));
    expect(beyondSchema.map((index) => index.indexname).sort()).toEqual([...EXPRESSION_INDEXES].sort());
    expect({ ...fromMigrations, indexes: fromMigrations.indexes.filter((index) => !EXPRESSION_INDEXES.includes(index.indexname)) }).toEqual(await catalog(direct));
  });

  it('are recorded the way prisma migrate deploy records them, and re-running applies nothing', async () => {
    const url = await freshDatabase('c');
    await applyMigrations(url);
    expect(await applyMigrations(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name');
    await client.end();
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(listMigrations().map((m) => [m.name, m.checksum, 1]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });
});
