import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withErrors } from '@/lib/http/wrappers';
import { updateResellerAsOperator } from '@/lib/resellers/resellers';
import { withOperator } from '@/lib/resellers/with-reseller';

/** Approve or suspend, set the rate, move under another parent, set payout terms. */
export const PATCH = withErrors<Params<'resellerId'>>(
  withOperator<Params<'resellerId'>>(async (req, { operator, params }) => Response.json(await updateResellerAsOperator(operator, (await params).resellerId, await readJson(req)))),
);
