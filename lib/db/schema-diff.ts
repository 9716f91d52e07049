import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

// Prisma's own schema engine, as WebAssembly: diffs two Prisma schemas into migration SQL
// without the native binary (which cannot be downloaded here) and without a database.

const require = createRequire(import.meta.url);

type Target = { tag: 'empty' } | { tag: 'schemaDatamodel'; files: { path: string; content: string }[] };

interface Engine {
  diff(params: { from: Target; to: Target; script: boolean; exitCode: boolean | null; filters: object }): Promise<{ exitCode: number; stdout?: string }>;
}

// The WebAssembly module holds one engine per process.
let enginePromise: Promise<Engine> | undefined;

async function loadEngine(databaseUrl: string): Promise<Engine> {
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bindings = await import(path.join(dir, 'schema_engine_bg.js'));
  const { instance } = await WebAssembly.instantiate(readFileSync(path.join(dir, 'schema_engine_bg.wasm')), {
    './schema_engine_bg.js': bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  // The engine opens a connection at start-up even for a pure schema-to-schema diff (it
  // reads nothing from it), so it needs a reachable server.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const ignoreEngineLogs = () => {};
  return bindings.SchemaEngine.new({ datamodels: undefined }, ignoreEngineLogs, adapter);
}

function target(schema: string | null): Target {
  return schema === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] };
}

/** SQL that turns a database shaped like `from` (null: empty) into one shaped like `to`. */
export async function diffSchemas(from: string | null, to: string, databaseUrl: string): Promise<string> {
  enginePromise ??= loadEngine(databaseUrl);
  const engine = await enginePromise;
  const result = await engine.diff({ from: target(from), to: target(to), script: true, exitCode: null, filters: { externalTables: [], externalEnums: [] } });
  return result.stdout ?? '';
}

export function isEmptyMigration(sql: string): boolean {
  return sql.replace(/--.*$/gm, '').trim() === '';
}
