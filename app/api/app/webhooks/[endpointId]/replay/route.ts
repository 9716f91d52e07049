import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { replayFailedSince } from '@/lib/webhooks/deliveries';

/** { since } → { replayed }: every failed delivery of the endpoint since then, once more. */
export const POST = withErrors<Params<'endpointId'>>(
  withMember<Params<'endpointId'>>('integrations.manage', async (req, { tenant, member, params }) =>
    Response.json(await replayFailedSince(tenant, member, (await params).endpointId, await readJson(req))),
  ),
);
