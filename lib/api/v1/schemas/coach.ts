import { z } from 'zod';
import { COACH_MESSAGE_MAX } from '../../../coach/ask-schema.ts';

// POST /api/v1/coach/messages: the question, and the events its streamed answer is made of
// (lib/coach/sse.ts), described for the OpenAPI document.

export const CoachMessageCreate = z
  .strictObject({
    conversationId: z.string().trim().min(1).max(60).optional().meta({ description: 'Continue this conversation of yours; leave out to start a new one.' }),
    message: z.string({ message: 'Write a question.' }).trim().min(1, 'Write a question.').max(COACH_MESSAGE_MAX, `Use at most ${COACH_MESSAGE_MAX} characters.`).meta({ description: `Your question, up to ${COACH_MESSAGE_MAX} characters.` }),
  })
  .meta({ description: 'A question to the coach.' });

const Proposal = z
  .union([
    z.object({ type: z.literal('goal'), title: z.string(), description: z.string().nullish(), target_date: z.string().nullish() }),
    z.object({ type: z.literal('habit'), name: z.string(), description: z.string().nullish(), schedule: z.enum(['daily', 'weekly_days', 'times_per_week']), schedule_days: z.array(z.int()).nullish(), times_per_week: z.int().nullish() }),
  ])
  .nullable()
  .meta({ description: 'A goal or habit the coach proposes; the member accepts it with one click in the app.' });

export const CoachStreamEvent = z
  .union([
    z.object({ type: z.literal('conversation'), conversation: z.object({ id: z.string(), title: z.string(), createdAt: z.string(), updatedAt: z.string() }) }),
    z.object({ type: z.literal('delta'), delta: z.string().meta({ description: 'The next piece of the answer’s text.' }) }),
    z.object({
      type: z.literal('message'),
      message: z.object({
        id: z.string(),
        conversationId: z.string(),
        role: z.literal('assistant'),
        content: z.string(),
        proposal: Proposal,
        proposalStatus: z.enum(['accepted', 'dismissed']).nullable(),
        acceptedId: z.string().nullable(),
        createdAt: z.string(),
      }),
      usage: z.object({ promptTokens: z.int(), completionTokens: z.int(), totalTokens: z.int() }),
    }),
    z.object({ type: z.literal('error'), code: z.literal('coach_provider_error'), detail: z.string() }),
  ])
  .meta({
    description:
      'One Server-Sent Event (`data: {json}`): first `conversation`, then `delta`s as the answer is written, then `message` with the stored answer, its proposal and the token usage (or `error` if the provider broke off); the stream ends with `data: [DONE]`.',
  });
