import type { Member } from '../auth/session.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { createGoal } from '../goals/goals.ts';
import { createHabit } from '../habits/habits.ts';
import { conflict, notFound } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { toMessageView, type CoachMessageView } from './conversations.ts';
import { goalInput, habitInput, proposalSchema } from './proposals.ts';

// The member's one click on a proposal: accept creates the goal or habit through the goal and
// habit services (their permissions, events and rules), dismiss only records the choice. A
// click is claimed first (proposalStatus null → "accepting", a conditional update), so two
// clicks at once create one goal: the second waits for the first and gets its result.

/** Held while the goal or habit is being made; readers see no decision yet. */
const ACCEPTING = 'accepting';
const WAIT_MS = 5_000;
const POLL_MS = 50;

async function ownProposalMessage(tenant: TenantContext, member: Member, messageId: string) {
  const row = await tenantDb(tenant.id).coachMessage.findFirst({ where: { id: messageId, role: 'assistant', conversation: { userId: member.userId } } });
  if (!row) throw notFound('No such answer.');
  const proposal = row.proposal === null ? null : proposalSchema.safeParse(row.proposal);
  if (!proposal?.success) throw conflict('This answer proposes nothing to add.');
  return { row, proposal: proposal.data };
}

async function settled(tenant: TenantContext, messageId: string) {
  const scoped = tenantDb(tenant.id);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const row = await scoped.coachMessage.findFirstOrThrow({ where: { id: messageId } });
    if (row.proposalStatus !== ACCEPTING || Date.now() > deadline) return row;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function acceptProposal(tenant: TenantContext, member: Member, messageId: string): Promise<CoachMessageView> {
  const { proposal } = await ownProposalMessage(tenant, member, messageId);
  const scoped = tenantDb(tenant.id);
  const claim = await scoped.coachMessage.updateMany({ where: { id: messageId, proposalStatus: null }, data: { proposalStatus: ACCEPTING } });
  if (claim.count === 0) {
    const row = await settled(tenant, messageId);
    if (row.proposalStatus === 'accepted') return toMessageView(row);
    if (row.proposalStatus === 'dismissed') throw conflict('You dismissed this proposal.');
    throw conflict('This proposal is being added; reload in a moment.');
  }
  try {
    const acceptedId = proposal.type === 'goal' ? (await createGoal(tenant, member, goalInput(proposal))).id : (await createHabit(tenant, member, habitInput(proposal))).id;
    return toMessageView(await scoped.coachMessage.update({ where: { id: messageId }, data: { proposalStatus: 'accepted', acceptedId } }));
  } catch (error) {
    await scoped.coachMessage.updateMany({ where: { id: messageId, proposalStatus: ACCEPTING }, data: { proposalStatus: null } });
    throw error;
  }
}

export async function dismissProposal(tenant: TenantContext, member: Member, messageId: string): Promise<CoachMessageView> {
  await ownProposalMessage(tenant, member, messageId);
  const scoped = tenantDb(tenant.id);
  await scoped.coachMessage.updateMany({ where: { id: messageId, proposalStatus: null }, data: { proposalStatus: 'dismissed' } });
  const row = await settled(tenant, messageId);
  if (row.proposalStatus === 'accepted') throw conflict('This proposal was already added.');
  return toMessageView(row);
}
