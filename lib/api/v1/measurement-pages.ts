import { z } from 'zod';
import type { Member } from '../../auth/session.ts';
import { listMeasurements } from '../../goals/goal-measurements.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { decodeCursor, encodeCursor, toPage, type Page } from './cursor.ts';
import { toMeasurementResource, type MeasurementListQuery, type MeasurementResource } from './schemas/metric.ts';

// Pages of one goal's measurements, keyed by (measuredAt, id), latest first.

const CURSOR_KIND = 'measurements';
const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1)]);

export async function measurementPage(tenant: TenantContext, member: Member, goalId: string, query: z.output<typeof MeasurementListQuery>): Promise<Page<MeasurementResource>> {
  const after = query.cursor ? decodeCursor(CURSOR_KIND, query.cursor, cursorKey) : null;
  const rows = await listMeasurements(tenant, member, goalId, { take: query.limit + 1, after: after ? { measuredAt: new Date(after[0]), id: after[1] } : undefined });
  return toPage(rows, query.limit, toMeasurementResource, (row) => encodeCursor(CURSOR_KIND, [row.measuredAt, row.id]));
}
