import { z } from 'zod';

// A question to the coach, as the page and POST /api/v1/coach/messages send it (no server
// imports: the page's form reads the limit too).

export const COACH_MESSAGE_MAX = 4_000;

export const askCoachSchema = z.object({
  conversationId: z.string().trim().min(1).max(60).nullish(),
  message: z.string({ message: 'Write a question.' }).trim().min(1, 'Write a question.').max(COACH_MESSAGE_MAX, `Use at most ${COACH_MESSAGE_MAX} characters.`),
});
export type AskCoachInput = z.input<typeof askCoachSchema>;
