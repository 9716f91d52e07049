import { Prisma } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import type { DirectoryContext } from './directory-context.ts';
import { filterCondition } from './scim-filter.ts';
import type { ResourceTypeName } from './scim-schemas.ts';

// One page of a directory's users or groups matching a filter, found in SQL (scim-filter.ts):
// the ids of the page in creation order, and how many match in all.

const TABLE: Record<ResourceTypeName, Prisma.Sql> = { User: Prisma.raw('"ScimUser"'), Group: Prisma.raw('"ScimGroup"') };

export async function matchingIds(ctx: DirectoryContext, type: ResourceTypeName, filter: string | null, startIndex: number, count: number): Promise<{ ids: string[]; total: number }> {
  const condition = filterCondition(type, filter);
  const scoped = tenantDb(ctx.tenant.id);
  const from = Prisma.sql`FROM ${TABLE[type]} WHERE "tenantId" = ${ctx.tenant.id} AND "directoryId" = ${ctx.directory.id} AND ${condition}`;
  const [counted, page] = await Promise.all([
    scoped.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total ${from}`,
    count === 0 ? Promise.resolve([]) : scoped.$queryRaw<{ id: string }[]>`SELECT id ${from} ORDER BY "createdAt", id OFFSET ${startIndex - 1} LIMIT ${count}`,
  ]);
  return { ids: page.map((row) => row.id), total: Number(counted[0]?.total ?? 0) };
}

/** The rows of the ids, in the ids' order. */
export function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
