import { z } from 'zod';
import { db } from '../db/client.ts';
import { AppError, notFound, parseInput, validationFailed } from '../http/problem.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { eraseUser, type ErasureOutcome } from './erase-user.ts';
import { completeRequest } from './requests.ts';

// An operator erases a person on request (GDPR art. 17, by email or letter): everywhere, as
// their own account deletion does (lib/privacy/erase-user.ts), with the reason in the platform
// audit and a "member.erased" entry in each workspace's log. Refused (409) for platform staff
// and while the person is a workspace's last owner (the message names it). A linked erasure
// request of the register is completed with what was done; the register keeps the address it
// was about, as the record that the request was answered.

export const operatorErasureSchema = z.object({
  reason: z.string().trim().min(5, 'Say why (the request it answers).').max(500),
  requestId: z.string().trim().max(64).optional().transform((value) => value || null),
});

export async function eraseOnRequest(operator: OperatorActor, userId: string, input: unknown, ip: string | null = null): Promise<ErasureOutcome & { requestId: string | null }> {
  const { reason, requestId } = parseInput(operatorErasureSchema, input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw notFound('No such account (it may be erased already).');
  if (requestId) {
    const request = await db.dataSubjectRequest.findUnique({ where: { id: requestId }, select: { subjectEmail: true, completedAt: true } });
    if (!request) throw notFound('No such request.');
    if (request.completedAt) throw new AppError(409, 'conflict', 'This request is already completed.');
    if (request.subjectEmail !== user.email) throw validationFailed({ requestId: 'This request is about someone else.' });
  }
  const outcome = await eraseUser(userId, { kind: 'operator', actor: { id: operator.userId, email: operator.email }, reason, requestId: requestId ?? undefined, ip });
  if (requestId) await completeRequest(operator, requestId, { outcome: `Erased from ${outcome.workspaces} workspace(s) by ${operator.email}: ${reason}` }, ip);
  return { ...outcome, requestId };
}
