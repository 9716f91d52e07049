import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { sendTestEvent } from '@/lib/webhooks/deliveries';

/** { eventType? } → { delivery }: the catalog's example of that type, sent as a test. */
export const POST = withErrors<Params<'endpointId'>>(
  withMember<Params<'endpointId'>>('integrations.manage', async (req, { tenant, member, params }) => {
    const body = req.headers.get('content-length') === '0' || !req.body ? {} : await readJson(req);
    return Response.json({ delivery: await sendTestEvent(tenant, member, (await params).endpointId, body) }, { status: 202 });
  }),
);
