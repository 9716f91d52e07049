import { z } from 'zod';
import { workspaceRoute } from '@/lib/http/route';
import { addSsoDomain, listSsoDomains } from '@/lib/sso/sso-domains';

const addDomainSchema = z.object({ domain: z.string() });

export const GET = workspaceRoute({ permission: 'settings.manage' }, async ({ tenant }) => Response.json({ domains: await listSsoDomains(tenant.id) }));

/** Adding a domain needs a plan with SSO. */
export const POST = workspaceRoute({ permission: 'settings.manage', feature: 'sso', body: addDomainSchema }, async ({ tenant, member, body, ip }) =>
  Response.json(await addSsoDomain(tenant.id, body.domain, { id: member.userId, email: member.email }, ip), { status: 201 }),
);
