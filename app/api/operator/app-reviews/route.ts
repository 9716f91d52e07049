import { operatorRoute } from '@/lib/http/route';
import { listReviewQueue, queueQuerySchema } from '@/lib/marketplace/app-review';

/** The review queue (?status=open|submitted|in_review|changes_requested|approved|rejected&minAgeDays=N), oldest first. */
export const GET = operatorRoute({ query: queueQuerySchema }, async ({ operator, query }) => Response.json({ versions: await listReviewQueue(operator, query) }));
