import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withErrors } from '@/lib/http/wrappers';
import { createClientTenant, listClients } from '@/lib/resellers/clients';
import { withReseller } from '@/lib/resellers/with-reseller';

/** The reseller's own client workspaces. */
export const GET = withErrors(withReseller('view', async (_req, { actor }) => Response.json({ clients: await listClients(actor) })));

/** Creates a client workspace owned by the reseller and invites its owner by email. */
export const POST = withErrors(
  withReseller('sell', async (req, { actor }) => {
    const result = await createClientTenant(actor, await readJson(req), clientIp(req.headers));
    return Response.json(result, { status: 201 });
  }),
);
