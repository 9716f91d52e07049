import { platformOrigin } from '@/lib/config/env';
import { AppError } from '@/lib/http/problem';
import { workspaceRoute } from '@/lib/http/route';
import { endImpersonation } from '@/lib/platform/impersonation';

/** The banner's "End": ends the impersonation this session is, and points back to the operator console. */
export const POST = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member, ip }) => {
  const impersonation = member.impersonation;
  if (!impersonation) throw new AppError(409, 'impersonation_not_approved', 'This session is not an impersonation.');
  await endImpersonation(impersonation.id, { kind: 'operator', actor: { id: impersonation.operatorId, email: impersonation.operatorEmail }, tenantId: tenant.id }, ip);
  return Response.json({ ended: true, next: `${platformOrigin()}/operator/tenants/${tenant.id}` });
});
