import { z } from 'zod';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { addDomain, listDomains } from '@/lib/tenancy/domains';

const addDomainSchema = z.object({ hostname: z.string() });

export const GET = withErrors(withMember('settings.manage', async (_req, { tenant }) => Response.json({ domains: await listDomains(tenant.id) })));

export const POST = withErrors(
  withMember('settings.manage', async (req, { tenant, member }) => {
    const { hostname } = addDomainSchema.parse(await readJson(req));
    const domain = await addDomain(tenant.id, hostname, { id: member.userId, email: member.email });
    return Response.json({ id: domain.id, hostname: domain.hostname }, { status: 201 });
  }),
);
