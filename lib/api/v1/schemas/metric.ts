import { z } from 'zod';
import { measurementInputSchema, type MeasurementView } from '../../../goals/measurement-schema.ts';
import { listOf, pageQuery, Timestamp } from './common.ts';
import { GoalResource } from './goal.ts';

// Measurements toward measurable goals (POST /api/v1/metrics, GET /api/v1/goals/{id}/measurements).
// The body is the service's own schema (lib/goals/measurement-schema.ts), made strict.

export const MeasurementResource = z
  .object({
    id: z.string(),
    goalId: z.string(),
    userId: z.string().meta({ description: 'Whose measurement: the token’s user, or the API key’s creator.' }),
    value: z.number().meta({ description: 'What was added to the goal’s currentValue (negative: a correction).' }),
    unit: z.string().nullable().meta({ description: 'The goal’s unit when it was recorded.' }),
    note: z.string().nullable(),
    measuredAt: Timestamp.meta({ description: 'When it was measured, by the sender’s clock (the arrival time when not sent).' }),
    clientId: z.string().meta({ description: 'The sender’s own id for the measurement.' }),
    createdAt: Timestamp.meta({ description: 'When it was recorded.' }),
  })
  .meta({ description: 'A measurement toward a measurable goal, e.g. a 5 km run toward “Run 100 km”.' });
export type MeasurementResource = z.infer<typeof MeasurementResource>;

export const MeasurementCreate = measurementInputSchema.strict().meta({
  description:
    'goalId (a measurable goal: one with a targetValue); value (a number other than 0, added to the goal’s total; negative to correct an earlier one, never below a total of 0); unit (optional: when sent, exactly the goal’s unit, no conversion); measuredAt (ISO 8601 date and time, optional, default now, not in the future); note (up to 500 characters, optional); clientId (required: your own id for this measurement, 1–255 visible ASCII characters, unique per API key or OAuth app).',
});

export const MeasurementResult = z
  .object({ measurement: MeasurementResource, goal: GoalResource })
  .meta({ description: 'The measurement, and the goal with its new currentValue and progress.' });

export const MeasurementList = listOf(MeasurementResource, 'A page of measurements, latest measuredAt first.');

export const MeasurementListQuery = z.object({ ...pageQuery });

export const toMeasurementResource = (measurement: MeasurementView): MeasurementResource => ({ ...measurement });
