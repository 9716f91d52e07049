import type { Member } from '../auth/session.ts';
import { term } from '../branding/terminology.ts';
import type { Prisma } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import { AppError, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import { goalAudience } from '../realtime/audience.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { loadGoalForViewer } from './goal-access.ts';
import { changeGoal } from './goal-mutation.ts';
import { assertMayLogProgress, assertProgressOpen, moveProgress } from './goal-progress.ts';
import type { GoalDetail } from './goal-schema.ts';
import { addToTotal, progressFor } from './measured-progress.ts';
import { measurementInputSchema, type MeasurementView } from './measurement-schema.ts';

// Measurements toward measurable goals, sent by apps and integrations (POST /api/v1/metrics):
// each adds its value to the goal's total (Goal.currentValue) and moves its progress to
// total / target, through the same checks and progress entries as a member's own change
// (goal-progress.ts), so goal.updated, live updates, the activity feed and integrations
// follow as they do for that. Reaching 100% does not complete the goal, as setting 100% by
// hand does not: completing stays its editors' act.
//
// Idempotency: a sender (an API key, or an OAuth app whatever its grant) names each measurement
// with its own clientId, unique per workspace and sender (GoalMeasurement's unique index).
// Under the goal's row lock the insert is tried first (ON CONFLICT DO NOTHING): the request
// whose row lands moves the goal; any other with that clientId (concurrent or later) finds the
// row and gets it back unchanged when it says the same thing, 409 when it does not.

export interface RecordedMeasurement {
  measurement: MeasurementView;
  goal: GoalDetail;
  /** false: a repeat of a measurement recorded before, returned as it was. */
  created: boolean;
}

const measurementSelect = {
  id: true,
  goalId: true,
  userId: true,
  value: true,
  unit: true,
  note: true,
  measuredAt: true,
  clientId: true,
  createdAt: true,
} satisfies Prisma.GoalMeasurementSelect;
type MeasurementRow = Prisma.GoalMeasurementGetPayload<{ select: typeof measurementSelect }>;

export function toMeasurementView(row: MeasurementRow): MeasurementView {
  return { ...row, measuredAt: row.measuredAt.toISOString(), createdAt: row.createdAt.toISOString() };
}

/**
 * The same measurement as `row`? A measuredAt left out matches whatever time the first one
 * recorded (a retry without it cannot know it); a unit left out is the goal's.
 */
function sameMeasurement(row: MeasurementRow, wanted: { goalId: string; userId: string; value: number; unit: string | null; note: string | null; measuredAt: Date | null }): boolean {
  return (
    row.goalId === wanted.goalId &&
    row.userId === wanted.userId &&
    row.value === wanted.value &&
    row.unit === wanted.unit &&
    row.note === wanted.note &&
    (wanted.measuredAt === null || row.measuredAt.getTime() === wanted.measuredAt.getTime())
  );
}

/**
 * Records a measurement from `source` (the API key's id or the OAuth app's client id) as the
 * member, once per clientId. 404: no such goal or hidden; 403: may not move its progress;
 * 409 goal_not_measurable: no target; 422: another unit, or a correction below 0; 409: the
 * goal is completed or archived (as for a progress change by hand).
 */
export async function recordMeasurement(tenant: TenantContext, member: Member, source: string, input: unknown): Promise<RecordedMeasurement> {
  assertCan(member.role, 'goals.write');
  const data = parseInput(measurementInputSchema, input);
  const goalWord = term(tenant.branding.terminology, 'goal');
  const result: { recorded?: { measurement: MeasurementView; created: boolean } } = {};
  const goal = await changeGoal(tenant, member, data.goalId, async (tx, loaded) => {
    assertMayLogProgress(tenant, loaded);
    const measurable = await tx.goal.findUniqueOrThrow({ where: { id: loaded.goal.id }, select: { targetValue: true, unit: true, currentValue: true } });
    const wanted = {
      goalId: loaded.goal.id,
      userId: member.userId,
      value: data.value,
      unit: data.unit ?? measurable.unit,
      note: data.note ?? null,
      measuredAt: data.measuredAt ? new Date(data.measuredAt) : null,
    };
    const [inserted] = await tx.goalMeasurement.createManyAndReturn({
      data: [{ tenantId: tenant.id, ...wanted, measuredAt: wanted.measuredAt ?? new Date(), clientId: data.clientId, source }],
      skipDuplicates: true,
      select: measurementSelect,
    });
    if (!inserted) {
      const first = await tx.goalMeasurement.findUnique({ where: { tenantId_source_clientId: { tenantId: tenant.id, source, clientId: data.clientId } }, select: measurementSelect });
      // Its goal was deleted between our insert and this read: the first one is gone with it.
      if (!first) throw new AppError(409, 'conflict', 'The measurement with this clientId was removed meanwhile. Retry.');
      if (!sameMeasurement(first, wanted)) {
        throw new AppError(409, 'measurement_client_id_reused', 'A measurement with this clientId was already recorded with different values. Use a new clientId for a new measurement.');
      }
      result.recorded = { measurement: toMeasurementView(first), created: false };
      return;
    }
    // A new measurement: any refusal below rolls the insert back with the rest.
    if (measurable.targetValue === null) {
      throw new AppError(409, 'goal_not_measurable', `This ${goalWord} has no target value to measure toward. Give it a target first.`);
    }
    if (data.unit !== undefined && data.unit !== measurable.unit) {
      throw validationFailed({ unit: measurable.unit ? `Use this ${goalWord}'s unit, "${measurable.unit}" (values are not converted).` : `This ${goalWord} has no unit: leave unit out.` });
    }
    assertProgressOpen(tenant, loaded);
    const total = addToTotal(measurable.currentValue, data.value);
    if (total < 0) throw validationFailed({ value: `This correction would take the ${goalWord}'s total below 0 (it is ${measurable.currentValue}).` });
    await tx.goal.update({ where: { id: loaded.goal.id }, data: { currentValue: total } });
    const progress = await moveProgress(tx, tenant.id, member.userId, loaded.goal, progressFor(total, measurable.targetValue), wanted.note);
    const changes = { currentValue: { from: measurable.currentValue, to: total }, ...(progress ? { progress } : {}) };
    await emitEvent(tx, tenant.id, 'goal.updated', { goalId: loaded.goal.id, changes }, member.userId, goalAudience(loaded.goal));
    result.recorded = { measurement: toMeasurementView(inserted), created: true };
  });
  return { ...result.recorded!, goal };
}

export interface MeasurementPageQuery {
  /** Rows to read (a page asks one more, to know whether another follows). */
  take: number;
  /** The last item of the previous page: its measuredAt and id. */
  after?: { measuredAt: Date; id: string };
}

/** A goal's measurements the member may see (the goal's own visibility: 404 otherwise), latest measuredAt first. */
export async function listMeasurements(tenant: TenantContext, member: Member, goalId: string, query: MeasurementPageQuery): Promise<MeasurementView[]> {
  const scoped = tenantDb(tenant.id);
  await loadGoalForViewer(scoped, tenant, member, goalId);
  const after = query.after;
  const rows = await scoped.goalMeasurement.findMany({
    where: {
      goalId,
      ...(after ? { OR: [{ measuredAt: { lt: after.measuredAt } }, { measuredAt: after.measuredAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ measuredAt: 'desc' }, { id: 'desc' }],
    take: query.take,
    select: measurementSelect,
  });
  return rows.map(toMeasurementView);
}
