import { z } from 'zod';

// What people send to the support desk, checked once (routes and services share these).

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

const subject = z.string({ message: 'Write a subject.' }).trim().min(3, 'Write a subject of at least 3 characters.').max(160, 'Keep the subject under 160 characters.');
const body = z.string({ message: 'Write a message.' }).trim().min(1, 'Write a message.').max(10_000, 'Keep the message under 10,000 characters.');
const priority = z.enum(TICKET_PRIORITIES, { message: 'Priority is low, normal, high or urgent.' });

export const openWorkspaceTicketSchema = z.object({ subject, description: body, priority: priority.default('normal') }).strict();
export const openOperatorTicketSchema = openWorkspaceTicketSchema;
export type OpenTicketInput = z.output<typeof openWorkspaceTicketSchema>;

/** `then`: what the ticket waits on after a responder's comment (default: the requester). */
export const commentSchema = z.object({ body, then: z.enum(['open', 'pending', 'resolved'], { message: 'then is open, pending or resolved.' }).optional() }).strict();
export type CommentInput = z.output<typeof commentSchema>;

export const statusSchema = z.object({ status: z.enum(TICKET_STATUSES, { message: 'status is open, pending, resolved or closed.' }) }).strict();

const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { message }).optional();

export const ticketListQuery = z
  .object({
    status: optionalEnum(TICKET_STATUSES, 'status is open, pending, resolved or closed.'),
    priority: optionalEnum(TICKET_PRIORITIES, 'priority is low, normal, high or urgent.'),
    appId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Not an app id.').optional(),
    kind: optionalEnum(['workspace_partner', 'partner_operator'] as const, 'kind is workspace_partner or partner_operator.'),
    installationId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Not an installation id.').optional(),
    cursor: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Not a cursor.').optional(),
  })
  .strict();
export type TicketListFilters = z.output<typeof ticketListQuery>;

/** Filters from a page's search params: unknown values are ignored, like a fresh page. */
export function filtersFromSearch(search: Record<string, string | string[] | undefined>): TicketListFilters {
  const out: Record<string, string> = {};
  for (const key of ['status', 'priority', 'appId', 'kind', 'installationId', 'cursor'] as const) {
    const value = search[key];
    if (typeof value === 'string' && value) out[key] = value;
  }
  const parsed = ticketListQuery.safeParse(out);
  if (parsed.success) return parsed.data;
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(out)) if (ticketListQuery.safeParse({ [key]: value }).success) kept[key] = value;
  return ticketListQuery.parse(kept);
}
