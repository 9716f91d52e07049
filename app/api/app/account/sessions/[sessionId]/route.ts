import { endMySession } from '@/lib/account/sessions';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** Ends one of the signed-in person's sessions on this workspace (this one signs them out). */
export const DELETE = withErrors<Params<'sessionId'>>(
  withMember<Params<'sessionId'>>('workspace.read', async (_req, { tenant, member, params }) => {
    await endMySession(tenant, member, (await params).sessionId);
    return new Response(null, { status: 204 });
  }),
);
