import { z } from 'zod';
import { workspaceRoute } from '@/lib/http/route';
import { addDomain, listDomains } from '@/lib/tenancy/domains';

const addDomainSchema = z.object({ hostname: z.string() });

export const GET = workspaceRoute({ permission: 'settings.manage' }, async ({ tenant }) => Response.json({ domains: await listDomains(tenant.id) }));

export const POST = workspaceRoute({ permission: 'settings.manage', body: addDomainSchema }, async ({ tenant, member, body }) => {
  const domain = await addDomain(tenant.id, body.hostname, { id: member.userId, email: member.email });
  return Response.json({ id: domain.id, hostname: domain.hostname }, { status: 201 });
});
