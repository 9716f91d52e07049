import { operatorRoute } from '@/lib/http/route';
import { operatorReviews } from '@/lib/marketplace/ratings';

/** The moderation queue: ?filter=reported (default: reviews with open reports)|hidden|all, ?cursor. */
export const GET = operatorRoute({}, async ({ req }) => Response.json(await operatorReviews(Object.fromEntries(req.nextUrl.searchParams))));
