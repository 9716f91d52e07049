import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toGoalResource } from '@/lib/api/v1/schemas/goal';
import { toMeasurementResource } from '@/lib/api/v1/schemas/metric';
import { recordMeasurement } from '@/lib/goals/goal-measurements';
import { apiRoute } from '@/lib/http/route';

/**
 * The body's clientId is the idempotency key (lib/goals/goal-measurements.ts), per sender: an
 * OAuth app by its client id (all its grants alike), an API key by its id. A repeat is a 200.
 */
export const POST = apiRoute(operations.recordMetric, async ({ tenant, principal, body }) => {
  const source = principal.oauthClientId ?? principal.keyId;
  const { measurement, goal, created } = await recordMeasurement(tenant, principal.member, source, body);
  return jsonResponse({ measurement: toMeasurementResource(measurement), goal: toGoalResource(goal) }, { status: created ? 201 : 200 });
});
