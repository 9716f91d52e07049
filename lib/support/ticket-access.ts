import type { Member } from '../auth/session.ts';
import type { Prisma } from '../db/client.ts';
import { notFound } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { TicketSide } from './ticket-state.ts';

// Who looks at the support desk, and which tickets each one sees. Every query of lib/support
// goes through ticketScope, so a ticket outside it is simply not found (404), never forbidden:
//   workspace  an admin or owner of the workspace: its own tickets to partners (requester)
//   partner    owners and developers: tickets about the partner's apps (responder); every user
//              of the partner, billing contacts too: the partner's tickets to Waypoint (requester)
//   operator   a platform operator: partners' tickets to Waypoint (responder)

export type SupportViewer =
  | { kind: 'workspace'; tenant: TenantContext; member: Member }
  | { kind: 'partner'; actor: PartnerActor }
  | { kind: 'operator'; operator: OperatorActor };

export const workspaceViewer = (tenant: TenantContext, member: Member): SupportViewer => ({ kind: 'workspace', tenant, member });
export const partnerViewer = (actor: PartnerActor): SupportViewer => ({ kind: 'partner', actor });
export const operatorViewer = (operator: OperatorActor): SupportViewer => ({ kind: 'operator', operator });

export function viewerUserId(viewer: SupportViewer): string {
  return viewer.kind === 'workspace' ? viewer.member.userId : viewer.kind === 'partner' ? viewer.actor.userId : viewer.operator.userId;
}

/** Partner users who answer workspaces' tickets (billing contacts do not). */
export const answersWorkspaces = (actor: PartnerActor) => actor.role === 'owner' || actor.role === 'developer';

/** The tickets the viewer may see; a workspace member without the permission gets a 403. */
export function ticketScope(viewer: SupportViewer): Prisma.SupportTicketWhereInput {
  if (viewer.kind === 'workspace') {
    assertCan(viewer.member.role, 'integrations.manage', 'Only admins and owners of the workspace handle support tickets.');
    return { kind: 'workspace_partner', tenantId: viewer.tenant.id };
  }
  if (viewer.kind === 'operator') return { kind: 'partner_operator' };
  const partnerId = viewer.actor.partnerId;
  return answersWorkspaces(viewer.actor) ? { partnerId } : { partnerId, kind: 'partner_operator' };
}

/** The viewer's side on a ticket it can see. */
export function sideOf(viewer: SupportViewer, ticket: { kind: 'workspace_partner' | 'partner_operator' }): TicketSide {
  if (viewer.kind === 'workspace') return 'requester';
  if (viewer.kind === 'operator') return 'responder';
  return ticket.kind === 'workspace_partner' ? 'responder' : 'requester';
}

export const ticketNotFound = () => notFound('No such support ticket.');
