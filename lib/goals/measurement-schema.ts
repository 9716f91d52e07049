import { z } from 'zod';
import { idSchema, MAX_TARGET_VALUE, MAX_UNIT_LENGTH, optionalText } from './goal-schema.ts';

// A measurement toward a measurable goal (POST /api/v1/metrics): "ran 5 km". No server
// imports here, like goal-schema.ts.

/** A sender's clock may run a little ahead of ours; a measurement further in the future is a mistake. */
export const MEASURED_AT_MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

export const measurementInputSchema = z.object({
  goalId: idSchema,
  /** Added to the goal's total; negative to correct an earlier measurement. */
  value: z
    .number({ message: 'Enter a number.' })
    .refine((value) => value !== 0, 'Use a number other than 0.')
    .refine((value) => Math.abs(value) <= MAX_TARGET_VALUE, 'Use a number from -1,000,000,000 to 1,000,000,000.'),
  /** When sent, the goal's own unit (no conversion). */
  unit: z.string({ message: 'Enter a unit.' }).trim().min(1, 'Enter a unit.').max(MAX_UNIT_LENGTH, `Use at most ${MAX_UNIT_LENGTH} characters.`).optional(),
  /** When it was measured, by the sender's clock; the arrival time when left out. */
  measuredAt: z.iso
    .datetime({ offset: true, message: 'Use an ISO 8601 date and time, e.g. 2026-06-15T07:30:00Z.' })
    .refine((value) => Date.parse(value) <= Date.now() + MEASURED_AT_MAX_AHEAD_MS, 'Use a time that is not in the future.')
    .optional(),
  note: optionalText(500),
  /** The sender's own id for this measurement (its activity id, a UUID): sending it again is harmless. */
  clientId: z.string({ message: 'Enter the measurement’s id.' }).regex(/^[\x21-\x7e]{1,255}$/, 'Use 1 to 255 visible ASCII characters, e.g. a UUID.'),
});
export type MeasurementInput = z.input<typeof measurementInputSchema>;

export const measurementSchema = z.object({
  id: z.string(),
  goalId: z.string(),
  userId: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  note: z.string().nullable(),
  measuredAt: z.string(),
  clientId: z.string(),
  createdAt: z.string(),
});
export type MeasurementView = z.infer<typeof measurementSchema>;
