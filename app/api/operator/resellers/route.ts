import { operatorRoute } from '@/lib/http/route';
import { createTier1Reseller, listResellersForOperator } from '@/lib/resellers/resellers';

export const GET = operatorRoute({}, async () => Response.json({ resellers: await listResellersForOperator() }));

/** Creates a tier-1 reseller (approved) and invites its owner. */
export const POST = operatorRoute({ body: 'json' }, async ({ operator, body }) => Response.json(await createTier1Reseller(operator, body), { status: 201 }));
