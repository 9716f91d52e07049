import { auditQuerySchema, queryAudit } from '@/lib/audit/audit-query';
import { workspaceRoute } from '@/lib/http/route';

export const GET = workspaceRoute({ permission: 'audit.read', query: auditQuerySchema }, async ({ tenant, query }) => Response.json(await queryAudit(tenant.id, query)));
