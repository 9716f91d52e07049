import { clientIp } from '@/lib/auth/client-ip';
import { getCurrentOperator } from '@/lib/auth/session';
import { setPlanByOperator } from '@/lib/billing/set-plan';
import { unauthorized } from '@/lib/http/problem';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withErrors, withPlatform } from '@/lib/http/wrappers';

/** The platform operator sets a workspace's plan by hand: { plan }. Root domain only; audited in the workspace's log. */
export const PUT = withErrors<Params<'tenantId'>>(
  withPlatform<Params<'tenantId'>>(async (req, { params }) => {
    const operator = await getCurrentOperator();
    if (!operator) throw unauthorized('Sign in as a platform operator.');
    return Response.json(await setPlanByOperator(operator, (await params).tenantId, await readJson(req), clientIp(req.headers)));
  }),
);
