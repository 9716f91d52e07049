import { existsSync, readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import typescript from 'eslint-config-next/typescript';
import { describe, expect, it } from 'vitest';
import plugin, { tenantModels } from '../../eslint-rules/require-tenant-db.mjs';
import { TENANT_DB_ALLOW_LIST } from '../../eslint-rules/tenant-db-allow-list.mjs';

// The lint rule that keeps the platform-wide db client off tenant-owned tables (outside the
// allow-list), checked on code it must report and code it must leave alone, and the allow-list
// checked against the code: every file on it exists and still needs to be there.

const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [...typescript, { plugins: { waypoint: plugin }, rules: { 'waypoint/require-tenant-db': 'error' } }],
});

async function reported(code: string, filePath = 'lib/example/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === 'waypoint/require-tenant-db').map((message) => message.message.split('`')[1]);
}

describe('waypoint/require-tenant-db', () => {
  it('knows the models tenantDb() scopes, from its own map', () => {
    const models = tenantModels();
    expect(models).toContain('goal');
    expect(models).toContain('habitLog');
    expect(models).not.toContain('user');
    expect(models.size).toBeGreaterThan(30);
  });

  it('reports the platform-wide client, and its transaction, on a tenant-owned table', async () => {
    expect(await reported(`import { db } from '../db/client.ts';\nexport const goals = () => db.goal.findMany();`)).toEqual(['db.goal']);
    expect(await reported(`import { db as platform } from '@/lib/db/client';\nexport const logs = () => platform.habitLog.count();`)).toEqual(['platform.habitLog']);
    expect(await reported(`import { dbRead } from '../db/client.ts';\nexport const goals = () => dbRead.goal.findMany();`)).toEqual(['dbRead.goal']);
    expect(await reported(`import { db } from '../db/client.ts';\nexport const both = () => db.$transaction(async (tx) => { await tx.comment.deleteMany(); return tx.user.count(); });`)).toEqual(['tx.comment']);
  });

  it('leaves alone tenantDb(), platform-wide tables, other objects called db, and type imports', async () => {
    expect(await reported(`import { tenantDb } from '../db/tenant-db.ts';\nexport const goals = (id: string) => tenantDb(id).goal.findMany();`)).toEqual([]);
    expect(await reported(`import { db } from '../db/client.ts';\nexport const users = () => db.user.findMany();`)).toEqual([]);
    expect(await reported(`const db = { goal: { findMany: () => [] } };\nexport const goals = () => db.goal.findMany();`)).toEqual([]);
    expect(await reported(`import type { db } from '../db/client.ts';\nexport type Goals = typeof db.goal;`)).toEqual([]);
    expect(await reported(`import { tenantDb } from '../db/tenant-db.ts';\nexport const run = (id: string) => tenantDb(id).$transaction(async (tx) => tx.goal.count());`)).toEqual([]);
  });

  it('has an allow-list of existing files, each with a reason, each still needing its place', async () => {
    const files = TENANT_DB_ALLOW_LIST.flatMap((group) => group.files);
    expect(new Set(files).size).toBe(files.length);
    for (const group of TENANT_DB_ALLOW_LIST) expect(group.reason.length).toBeGreaterThan(20);
    for (const file of files) expect(existsSync(file), file).toBe(true);
    const stale = [];
    // Linted as text: file patterns would read the brackets of dynamic segments as globs.
    for (const file of files) if ((await reported(readFileSync(file, 'utf8'), file)).length === 0) stale.push(file);
    expect(stale, 'these files no longer need the allow-list: take them off').toEqual([]);
  }, 120_000);
});
