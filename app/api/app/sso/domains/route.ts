import { z } from 'zod';
import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { assertSsoAvailable } from '@/lib/sso/sso-available';
import { addSsoDomain, listSsoDomains } from '@/lib/sso/sso-domains';

const addDomainSchema = z.object({ domain: z.string() });

export const GET = withErrors(withMember('settings.manage', async (_req, { tenant }) => Response.json({ domains: await listSsoDomains(tenant.id) })));

export const POST = withErrors(
  withMember('settings.manage', async (req, { tenant, member }) => {
    await assertSsoAvailable(tenant);
    const { domain } = addDomainSchema.parse(await readJson(req));
    return Response.json(await addSsoDomain(tenant.id, domain, { id: member.userId, email: member.email }, clientIp(req.headers)), { status: 201 });
  }),
);
