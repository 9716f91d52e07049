// The support ticket's state machine, pure (no database, no clock): the service locks the
// ticket row, asks this module what a change does, and writes the answer. Statuses:
//   open      waiting on the responder (the partner, or the operator)
//   pending   waiting on the requester (the workspace, or the partner)
//   resolved  either side said it is done; the requester can reopen it for REOPEN_WINDOW_DAYS
//   closed    final: REOPEN_WINDOW_DAYS after resolution (the auto-close job), nothing changes it

export type TicketStatus = 'open' | 'pending' | 'resolved' | 'closed';
export type TicketSide = 'requester' | 'responder';

export const REOPEN_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

/** The fields of a ticket the machine reads and writes. */
export interface TicketState {
  status: TicketStatus;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopenedAt: Date | null;
}

export type TicketAction =
  /** A comment; a responder says what the ticket waits on next (default: the requester). */
  | { type: 'comment'; side: TicketSide; then?: 'open' | 'pending' | 'resolved' }
  /** A status change without a comment. */
  | { type: 'status'; side: TicketSide; to: TicketStatus }
  /** The auto-close job. */
  | { type: 'auto_close' };

export type TransitionErrorCode = 'ticket_closed' | 'ticket_reopen_expired' | 'ticket_transition_invalid';

export class TransitionError extends Error {
  constructor(
    readonly code: TransitionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type TicketChange = Partial<TicketState> & { lastCommentAt?: Date };

/** The moment a resolved ticket can no longer be reopened (and closes). */
export function reopenDeadline(resolvedAt: Date): Date {
  return new Date(resolvedAt.getTime() + REOPEN_WINDOW_DAYS * DAY_MS);
}

function refuse(code: TransitionErrorCode, message: string): never {
  throw new TransitionError(code, message);
}

function reopen(state: TicketState, now: Date): TicketChange {
  if (!state.resolvedAt || now.getTime() >= reopenDeadline(state.resolvedAt).getTime()) {
    refuse('ticket_reopen_expired', `A resolved ticket can be reopened for ${REOPEN_WINDOW_DAYS} days; this one can no longer be. Open a new ticket instead.`);
  }
  return { status: 'open', resolvedAt: null, reopenedAt: now };
}

function resolve(state: TicketState, now: Date): TicketChange {
  if (state.status === 'resolved') refuse('ticket_transition_invalid', 'This ticket is already resolved.');
  return { status: 'resolved', resolvedAt: now };
}

function comment(state: TicketState, side: TicketSide, then: 'open' | 'pending' | 'resolved' | undefined, now: Date): TicketChange {
  const base: TicketChange = { lastCommentAt: now };
  if (side === 'requester') {
    if (then && then !== 'open') refuse('ticket_transition_invalid', 'A comment from the requester puts the ticket back with the responder; resolve it separately.');
    // A requester's answer (or a new message on a resolved ticket) puts it back in the responder's queue.
    if (state.status === 'resolved') return { ...base, ...reopen(state, now) };
    return state.status === 'open' ? base : { ...base, status: 'open' };
  }
  if (state.status === 'resolved') refuse('ticket_transition_invalid', 'This ticket is resolved: only the requester can reopen it.');
  const change: TicketChange = { ...base, ...(state.firstRespondedAt ? {} : { firstRespondedAt: now }) };
  const target = then ?? 'pending';
  if (target === 'resolved') return { ...change, status: 'resolved', resolvedAt: now };
  return target === state.status ? change : { ...change, status: target };
}

function setStatus(state: TicketState, side: TicketSide, to: TicketStatus, now: Date): TicketChange {
  if (to === 'closed') refuse('ticket_transition_invalid', `Tickets close by themselves ${REOPEN_WINDOW_DAYS} days after they are resolved.`);
  if (to === 'resolved') return resolve(state, now);
  if (state.status === 'resolved') {
    if (side !== 'requester') refuse('ticket_transition_invalid', 'This ticket is resolved: only the requester can reopen it.');
    if (to !== 'open') refuse('ticket_transition_invalid', 'A reopened ticket is open again (waiting on the responder).');
    return reopen(state, now);
  }
  if (side === 'requester') refuse('ticket_transition_invalid', 'The requester can resolve the ticket or reopen a resolved one; answering moves it back to the responder.');
  if (state.status === to) refuse('ticket_transition_invalid', `This ticket is already ${to}.`);
  return { status: to };
}

/**
 * What `action` changes on a ticket in `state` at `now`, or a TransitionError (the service
 * answers 409 with its code). Closed tickets refuse everything.
 */
export function transition(state: TicketState, action: TicketAction, now: Date): TicketChange {
  if (action.type === 'auto_close') {
    if (state.status !== 'resolved' || !state.resolvedAt) refuse('ticket_transition_invalid', 'Only a resolved ticket closes.');
    if (now.getTime() < reopenDeadline(state.resolvedAt).getTime()) refuse('ticket_transition_invalid', 'This ticket can still be reopened.');
    return { status: 'closed', closedAt: now };
  }
  if (state.status === 'closed') refuse('ticket_closed', 'This ticket is closed and can no longer change. Open a new ticket instead.');
  if (action.type === 'comment') return comment(state, action.side, action.then, now);
  return setStatus(state, action.side, action.to, now);
}
