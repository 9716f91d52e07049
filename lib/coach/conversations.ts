import { randomBytes } from 'node:crypto';
import type { Member } from '../auth/session.ts';
import { tenantDb, type TenantDb, type TenantTx } from '../db/tenant-db.ts';
import { notFound } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { proposalSchema, type CoachProposal } from './proposals.ts';

// A member's conversations with the coach: theirs alone. Every read and write names the
// workspace and the member, so another member's conversation (an admin's included) is as
// missing as one that never existed.

export const CONVERSATION_TITLE_MAX = 80;
const LIST_LIMIT = 100;

export interface CoachConversationSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface CoachMessageView {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  proposal: CoachProposal | null;
  proposalStatus: 'accepted' | 'dismissed' | null;
  acceptedId: string | null;
  createdAt: string;
}

export interface CoachConversationView extends CoachConversationSummary {
  messages: CoachMessageView[];
}

export const newConversationId = () => `coach_${randomBytes(12).toString('base64url')}`;

/** The first words of the first question. */
export function titleFrom(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > CONVERSATION_TITLE_MAX ? `${line.slice(0, CONVERSATION_TITLE_MAX - 1)}…` : line;
}

const conversationNotFound = () => notFound('No such conversation.');

export function toMessageView(row: { id: string; role: string; content: string; proposal: unknown; proposalStatus: string | null; acceptedId: string | null; createdAt: Date }): CoachMessageView {
  const proposal = row.proposal === null ? null : proposalSchema.safeParse(row.proposal);
  return {
    id: row.id,
    role: row.role === 'assistant' ? 'assistant' : 'user',
    content: row.content,
    proposal: proposal?.success ? proposal.data : null,
    proposalStatus: row.proposalStatus === 'accepted' || row.proposalStatus === 'dismissed' ? row.proposalStatus : null,
    acceptedId: row.acceptedId,
    createdAt: row.createdAt.toISOString(),
  };
}

const summary = (row: { id: string; title: string; createdAt: Date; updatedAt: Date }): CoachConversationSummary => ({
  id: row.id,
  title: row.title,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function listConversations(tenant: TenantContext, member: Member): Promise<CoachConversationSummary[]> {
  const rows = await tenantDb(tenant.id).coachConversation.findMany({
    where: { userId: member.userId },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: LIST_LIMIT,
    select: { id: true, title: true, createdAt: true, updatedAt: true },
  });
  return rows.map(summary);
}

/** The member's conversation; anyone else's is a 404. */
export async function findOwnConversation(tx: TenantDb | TenantTx, member: Member, conversationId: string) {
  const row = await tx.coachConversation.findFirst({ where: { id: conversationId, userId: member.userId }, select: { id: true, title: true, createdAt: true, updatedAt: true } });
  if (!row) throw conversationNotFound();
  return row;
}

export async function getConversation(tenant: TenantContext, member: Member, conversationId: string): Promise<CoachConversationView> {
  const scoped = tenantDb(tenant.id);
  const conversation = await findOwnConversation(scoped, member, conversationId);
  const messages = await scoped.coachMessage.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return { ...summary(conversation), messages: messages.map(toMessageView) };
}

export async function deleteConversation(tenant: TenantContext, member: Member, conversationId: string): Promise<void> {
  const { count } = await tenantDb(tenant.id).coachConversation.deleteMany({ where: { id: conversationId, userId: member.userId } });
  if (count === 0) throw conversationNotFound();
}
