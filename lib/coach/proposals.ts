import { z } from 'zod';
import type { ChatCompletionTool } from 'openai/resources/chat/completions';
import { createGoalSchema } from '../goals/goal-schema.ts';
import { createHabitSchema } from '../habits/habit-schema.ts';

// What the coach may propose: a goal or a habit, as a tool call (function calling) the model
// makes beside its answer. Arguments are checked here, against the same rules as the goal and
// habit forms, before they are stored as the answer's proposal; one that does not pass is
// dropped (the answer stays). Accepting creates it through lib/goals or lib/habits.

const text = (max: number) => z.string().trim().min(1).max(max);

export const goalProposalSchema = z.object({
  type: z.literal('goal'),
  title: text(200),
  description: z.string().trim().max(2000).nullish(),
  /** YYYY-MM-DD */
  target_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
});

export const habitProposalSchema = z.object({
  type: z.literal('habit'),
  name: text(100),
  description: z.string().trim().max(1000).nullish(),
  schedule: z.enum(['daily', 'weekly_days', 'times_per_week']),
  /** 0 = Sunday … 6 = Saturday, for weekly_days. */
  schedule_days: z.array(z.int().min(0).max(6)).max(7).nullish(),
  /** 1-7, for times_per_week. */
  times_per_week: z.int().min(1).max(7).nullish(),
});

export const proposalSchema = z.discriminatedUnion('type', [goalProposalSchema, habitProposalSchema]);
export type CoachProposal = z.infer<typeof proposalSchema>;

/** The goal service's input for a proposed goal. */
export function goalInput(proposal: z.infer<typeof goalProposalSchema>) {
  return { title: proposal.title, description: proposal.description ?? null, targetDate: proposal.target_date ?? null };
}

/** A proposed habit as the habit form's fields, before the form's rules. */
function habitFields(proposal: z.infer<typeof habitProposalSchema>) {
  return {
    name: proposal.name,
    description: proposal.description ?? null,
    schedule: proposal.schedule,
    scheduleDays: proposal.schedule_days ?? undefined,
    timesPerWeek: proposal.times_per_week ?? null,
  };
}

/** The habit service's input for a proposed habit (checked by the habit form's rules). */
export function habitInput(proposal: z.infer<typeof habitProposalSchema>) {
  return createHabitSchema.parse(habitFields(proposal));
}

/** A tool call turned into a proposal, or null when it is not one we know or does not pass. */
export function parseProposal(name: string, args: string): CoachProposal | null {
  const type = name === 'propose_goal' ? 'goal' : name === 'propose_habit' ? 'habit' : null;
  if (!type) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(args);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const parsed = proposalSchema.safeParse({ ...raw, type });
  if (!parsed.success) return null;
  // The same rules the forms apply (a date that exists, a schedule with its days).
  if (parsed.data.type === 'goal' && !createGoalSchema.safeParse(goalInput(parsed.data)).success) return null;
  if (parsed.data.type === 'habit' && !createHabitSchema.safeParse(habitFields(parsed.data)).success) return null;
  return parsed.data;
}

/** The tools as the provider is told about them. */
export const COACH_TOOLS: ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'propose_goal',
      description: 'Propose a new personal goal the member can add with one click. Only when it clearly helps; never more than one proposal per answer.',
      parameters: {
        type: 'object',
        properties: {
          title: { type: 'string', description: 'Short title, at most 200 characters.' },
          description: { type: 'string', description: 'Optional: why and how, in a sentence or two.' },
          target_date: { type: 'string', description: 'Optional due date, YYYY-MM-DD, in the future.' },
        },
        required: ['title'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'propose_habit',
      description: 'Propose a new habit the member can add with one click. Only when it clearly helps; never more than one proposal per answer.',
      parameters: {
        type: 'object',
        properties: {
          name: { type: 'string', description: 'Short name, at most 100 characters.' },
          description: { type: 'string', description: 'Optional: one sentence.' },
          schedule: { type: 'string', enum: ['daily', 'weekly_days', 'times_per_week'] },
          schedule_days: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 6 }, description: 'For weekly_days: 0 = Sunday … 6 = Saturday.' },
          times_per_week: { type: 'integer', minimum: 1, maximum: 7, description: 'For times_per_week.' },
        },
        required: ['name', 'schedule'],
        additionalProperties: false,
      },
    },
  },
];
