import { askCoachSchema } from '@/lib/coach/ask-schema';
import { askCoach } from '@/lib/coach/ask-coach';
import { coachEventStream } from '@/lib/coach/sse';
import { workspaceRoute } from '@/lib/http/route';

// The coach page's question: the answer streams back as Server-Sent Events (lib/coach/sse.ts).
export const POST = workspaceRoute({ permission: 'goals.write', body: askCoachSchema }, async ({ tenant, member, body }) =>
  coachEventStream(await askCoach(tenant, member, body)),
);
