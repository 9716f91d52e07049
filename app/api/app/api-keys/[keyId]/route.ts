import { revokeApiKey } from '@/lib/api-keys/api-keys';
import { clientIp } from '@/lib/auth/client-ip';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** Revokes the key at once. */
export const DELETE = withErrors<Params<'keyId'>>(
  withMember<Params<'keyId'>>('workspace.read', async (req, { tenant, member, params }) => Response.json({ key: await revokeApiKey(tenant, member, (await params).keyId, clientIp(req.headers)) })),
);
