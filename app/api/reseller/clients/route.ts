import { resellerRoute } from '@/lib/http/route';
import { createClientTenant, listClients } from '@/lib/resellers/clients';

/** The reseller's own client workspaces. */
export const GET = resellerRoute({ need: 'view' }, async ({ actor }) => Response.json({ clients: await listClients(actor) }));

/** Creates a client workspace owned by the reseller and invites its owner by email. */
export const POST = resellerRoute({ need: 'sell', body: 'json' }, async ({ actor, body, ip }) => Response.json(await createClientTenant(actor, body, ip), { status: 201 }));
