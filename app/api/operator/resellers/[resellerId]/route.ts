import { id, operatorRoute } from '@/lib/http/route';
import { updateResellerAsOperator } from '@/lib/resellers/resellers';

/** Approve or suspend, set the rate, move under another parent, set payout terms. */
export const PATCH = operatorRoute({ params: { resellerId: id }, body: 'json' }, async ({ operator, params, body }) =>
  Response.json(await updateResellerAsOperator(operator, params.resellerId, body)),
);
