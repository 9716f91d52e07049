import { db } from '../../lib/db/client.ts';

/**
 * Every text, array or JSON column of every table that mentions the needle: "Table.column" per
 * hit. With a tenant id, only the rows of tables that belong to a workspace (a tenantId column)
 * and of that workspace.
 */
export async function scanDatabase(needle: string, tenantId?: string): Promise<string[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns c
    WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
      AND table_name NOT LIKE '\\_prisma%'
      AND (${tenantId ?? null}::text IS NULL OR EXISTS (
        SELECT 1 FROM information_schema.columns t WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.column_name = 'tenantId'))`;
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const scope = tenantId ? ` AND "tenantId" = $2` : '';
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE '%' || $1 || '%'${scope}`, needle, ...(tenantId ? [tenantId] : []));
    if (row.n > 0n) hits.push(`${table_name}.${column_name}`);
  }
  return hits.sort();
}
