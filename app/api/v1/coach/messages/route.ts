import { operations } from '@/lib/api/v1/operations';
import { askCoach } from '@/lib/coach/ask-coach';
import { coachEventStream } from '@/lib/coach/sse';
import { apiRoute } from '@/lib/http/route';

// A question to the coach, answered as Server-Sent Events (lib/coach/sse.ts).
export const POST = apiRoute(operations.createCoachMessage, async ({ tenant, principal, body }) => coachEventStream(await askCoach(tenant, principal.member, body)));
