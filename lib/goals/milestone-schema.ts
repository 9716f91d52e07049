import { z } from 'zod';
import { idSchema, optionalDateSchema } from './goal-schema.ts';

// Input shapes of milestones; their response shape is milestoneSchema in goal-schema.ts.

const milestoneTitle = z.string({ message: 'Enter a title.' }).trim().min(1, 'Enter a title.').max(200, 'Use at most 200 characters.');

export const createMilestoneSchema = z.object({ title: milestoneTitle, dueDate: optionalDateSchema });

export const updateMilestoneSchema = z
  .object({ title: milestoneTitle.optional(), dueDate: optionalDateSchema, completed: z.boolean({ message: 'Use true or false.' }).optional() })
  .refine((value) => Object.values(value).some((field) => field !== undefined), { message: 'Change at least one field.' });

/** Every milestone of the goal, once each, in the new order. */
export const reorderMilestonesSchema = z.object({
  ids: z
    .array(idSchema, { message: 'Send the milestone ids in their new order.' })
    .min(1, 'Send the milestone ids in their new order.')
    .max(500, 'A goal has at most 500 milestones.')
    .refine((ids) => new Set(ids).size === ids.length, 'Each milestone may appear only once.'),
});

export type CreateMilestoneInput = z.input<typeof createMilestoneSchema>;
export type UpdateMilestoneInput = z.input<typeof updateMilestoneSchema>;
