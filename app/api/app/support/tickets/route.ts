import { id, workspaceRoute } from '@/lib/http/route';
import { workspaceViewer } from '@/lib/support/ticket-access';
import { readTicketBody } from '@/lib/support/ticket-body';
import { openWorkspaceTicketSchema, ticketListQuery } from '@/lib/support/ticket-schema';
import { listTickets, openWorkspaceTicket } from '@/lib/support/tickets';

const openSchema = openWorkspaceTicketSchema.extend({ installationId: id });

/** The workspace's tickets to partners (admins and owners); ?installationId= one app's. */
export const GET = workspaceRoute({ permission: 'integrations.manage', query: ticketListQuery }, async ({ tenant, member, query }) => Response.json(await listTickets(workspaceViewer(tenant, member), query)));

/** Opens a ticket about an installed app: JSON, or multipart/form-data with `attachments`. */
export const POST = workspaceRoute({ permission: 'integrations.manage', rawBody: true }, async ({ req, tenant, member }) => {
  const { input, files } = await readTicketBody(req, openSchema);
  const { installationId, ...ticket } = input;
  return Response.json(await openWorkspaceTicket(tenant, member, installationId, ticket, files), { status: 201 });
});
