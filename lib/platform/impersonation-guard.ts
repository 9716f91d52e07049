import type { Member } from '../auth/session.ts';
import { AppError } from '../http/problem.ts';
import { recordImpersonatedWrite } from './impersonation.ts';

// What an operator acting as a member may do through the workspace's routes: read anything
// the member can; write only in a read-write impersonation, and never the member's own
// account (password, 2FA, sessions, deletion). Each write, made or refused, goes to both
// audit logs. Ending the impersonation is always allowed.

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const END_IMPERSONATION_PATH = '/api/app/impersonation/end';

export async function guardImpersonatedRequest(member: Member, request: { tenantId: string; method: string; path: string; ip: string | null }): Promise<void> {
  const impersonation = member.impersonation;
  if (!impersonation || READS.has(request.method) || request.path === END_IMPERSONATION_PATH) return;
  const ownAccount = request.path.startsWith('/api/app/account/');
  const refused = impersonation.readOnly || ownAccount;
  await recordImpersonatedWrite({
    impersonationId: impersonation.id,
    tenantId: request.tenantId,
    operator: { id: impersonation.operatorId, email: impersonation.operatorEmail },
    method: request.method,
    path: request.path,
    refused,
    ip: request.ip,
  });
  if (ownAccount) throw new AppError(403, 'impersonation_forbidden', `You are acting as ${member.email}: their account settings stay theirs.`);
  if (refused) throw new AppError(403, 'impersonation_read_only', `You are acting as ${member.email} read-only: changes are not allowed.`);
}
