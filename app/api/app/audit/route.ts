import { auditQuerySchema, queryAudit } from '@/lib/audit/audit-query';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

export const GET = withErrors(
  withMember('audit.read', async (req, { tenant }) => {
    const query = auditQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await queryAudit(tenant.id, query));
  }),
);
