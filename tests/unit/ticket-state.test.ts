import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REOPEN_WINDOW_DAYS, reopenDeadline, transition, TransitionError, type TicketAction, type TicketState, type TicketStatus } from '../../lib/support/ticket-state.ts';
import { formatDuration, measureTarget, median, summarizeTargets, targetsFor } from '../../lib/support/ticket-targets.ts';

const T0 = new Date('2026-12-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const DAY = 24 * 60;

const state = (status: TicketStatus, extra: Partial<TicketState> = {}): TicketState => ({ status, firstRespondedAt: null, resolvedAt: null, closedAt: null, reopenedAt: null, ...extra });

function refused(s: TicketState, action: TicketAction, now = at(1)): string {
  try {
    transition(s, action, now);
  } catch (error) {
    if (error instanceof TransitionError) return error.code;
    throw error;
  }
  throw new Error('the transition was allowed');
}

describe('comments', () => {
  it("a responder's answer moves open to pending (waiting on the requester) and records the first response once", () => {
    expect(transition(state('open'), { type: 'comment', side: 'responder' }, at(5))).toEqual({ status: 'pending', firstRespondedAt: at(5), lastCommentAt: at(5) });
    expect(transition(state('open', { firstRespondedAt: at(5) }), { type: 'comment', side: 'responder' }, at(9))).toEqual({ status: 'pending', lastCommentAt: at(9) });
  });

  it('a responder can keep it open, leave it pending, or answer and resolve', () => {
    expect(transition(state('open'), { type: 'comment', side: 'responder', then: 'open' }, at(5))).toEqual({ firstRespondedAt: at(5), lastCommentAt: at(5) });
    expect(transition(state('pending', { firstRespondedAt: at(1) }), { type: 'comment', side: 'responder' }, at(5))).toEqual({ lastCommentAt: at(5) });
    expect(transition(state('open'), { type: 'comment', side: 'responder', then: 'resolved' }, at(5))).toEqual({ status: 'resolved', resolvedAt: at(5), firstRespondedAt: at(5), lastCommentAt: at(5) });
  });

  it("a requester's comment on a pending ticket moves it back to open; on open it stays open; it never counts as a response", () => {
    expect(transition(state('pending', { firstRespondedAt: at(1) }), { type: 'comment', side: 'requester' }, at(5))).toEqual({ status: 'open', lastCommentAt: at(5) });
    expect(transition(state('open'), { type: 'comment', side: 'requester' }, at(5))).toEqual({ lastCommentAt: at(5) });
  });

  it("a requester's comment on a resolved ticket reopens it within 14 days, and not after", () => {
    const resolved = state('resolved', { resolvedAt: at(0), firstRespondedAt: at(0) });
    const inside = at(REOPEN_WINDOW_DAYS * DAY - 1);
    expect(transition(resolved, { type: 'comment', side: 'requester' }, inside)).toEqual({ lastCommentAt: inside, status: 'open', resolvedAt: null, reopenedAt: inside });
    expect(refused(resolved, { type: 'comment', side: 'requester' }, at(REOPEN_WINDOW_DAYS * DAY))).toBe('ticket_reopen_expired');
  });

  it('the responder cannot comment on a resolved ticket, the requester cannot choose a status with a comment', () => {
    expect(refused(state('resolved', { resolvedAt: at(0) }), { type: 'comment', side: 'responder' })).toBe('ticket_transition_invalid');
    expect(refused(state('open'), { type: 'comment', side: 'requester', then: 'pending' })).toBe('ticket_transition_invalid');
  });
});

describe('status changes', () => {
  it('either side resolves an open or pending ticket; resolving twice is refused', () => {
    for (const side of ['requester', 'responder'] as const) {
      expect(transition(state('open'), { type: 'status', side, to: 'resolved' }, at(3))).toEqual({ status: 'resolved', resolvedAt: at(3) });
      expect(transition(state('pending'), { type: 'status', side, to: 'resolved' }, at(3))).toEqual({ status: 'resolved', resolvedAt: at(3) });
      expect(refused(state('resolved', { resolvedAt: at(0) }), { type: 'status', side, to: 'resolved' })).toBe('ticket_transition_invalid');
    }
  });

  it('only the requester reopens, within the window, to open', () => {
    const resolved = state('resolved', { resolvedAt: at(0) });
    expect(transition(resolved, { type: 'status', side: 'requester', to: 'open' }, at(60))).toEqual({ status: 'open', resolvedAt: null, reopenedAt: at(60) });
    expect(refused(resolved, { type: 'status', side: 'responder', to: 'open' })).toBe('ticket_transition_invalid');
    expect(refused(resolved, { type: 'status', side: 'requester', to: 'pending' })).toBe('ticket_transition_invalid');
    expect(refused(resolved, { type: 'status', side: 'requester', to: 'open' }, at(REOPEN_WINDOW_DAYS * DAY + 1))).toBe('ticket_reopen_expired');
  });

  it('the responder moves open ↔ pending; the requester cannot; the same status twice is refused', () => {
    expect(transition(state('open'), { type: 'status', side: 'responder', to: 'pending' }, at(1))).toEqual({ status: 'pending' });
    expect(transition(state('pending'), { type: 'status', side: 'responder', to: 'open' }, at(1))).toEqual({ status: 'open' });
    expect(refused(state('open'), { type: 'status', side: 'responder', to: 'open' })).toBe('ticket_transition_invalid');
    expect(refused(state('open'), { type: 'status', side: 'requester', to: 'pending' })).toBe('ticket_transition_invalid');
    expect(refused(state('pending'), { type: 'status', side: 'requester', to: 'open' })).toBe('ticket_transition_invalid');
  });

  it('nobody closes by hand; closed is final for everything', () => {
    expect(refused(state('resolved', { resolvedAt: at(0) }), { type: 'status', side: 'requester', to: 'closed' })).toBe('ticket_transition_invalid');
    const closed = state('closed', { resolvedAt: at(0), closedAt: at(DAY * 14) });
    for (const action of [
      { type: 'comment', side: 'requester' },
      { type: 'comment', side: 'responder' },
      { type: 'status', side: 'requester', to: 'open' },
      { type: 'status', side: 'responder', to: 'resolved' },
    ] as TicketAction[]) {
      expect(refused(closed, action)).toBe('ticket_closed');
    }
  });
});

describe('auto-close', () => {
  it('closes a resolved ticket once its reopen window has passed, not before, and nothing else', () => {
    const resolved = state('resolved', { resolvedAt: at(0) });
    expect(reopenDeadline(at(0))).toEqual(at(REOPEN_WINDOW_DAYS * DAY));
    expect(transition(resolved, { type: 'auto_close' }, at(REOPEN_WINDOW_DAYS * DAY))).toEqual({ status: 'closed', closedAt: at(REOPEN_WINDOW_DAYS * DAY) });
    expect(refused(resolved, { type: 'auto_close' }, at(REOPEN_WINDOW_DAYS * DAY - 1))).toBe('ticket_transition_invalid');
    expect(refused(state('open'), { type: 'auto_close' })).toBe('ticket_transition_invalid');
  });
});

describe('any sequence of actions', () => {
  const action: fc.Arbitrary<TicketAction> = fc.oneof(
    fc.record({ type: fc.constant('comment' as const), side: fc.constantFrom('requester' as const, 'responder' as const), then: fc.constantFrom(undefined, 'open' as const, 'pending' as const, 'resolved' as const) }),
    fc.record({ type: fc.constant('status' as const), side: fc.constantFrom('requester' as const, 'responder' as const), to: fc.constantFrom('open' as const, 'pending' as const, 'resolved' as const, 'closed' as const) }),
    fc.constant({ type: 'auto_close' as const }),
  );

  it('keeps the fields consistent with the status, and closed stays closed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(action, fc.integer({ min: 0, max: 20 * DAY })), { maxLength: 30 }), (steps) => {
        let s = state('open');
        let clock = 0;
        for (const [a, wait] of steps) {
          clock += wait;
          const before = s;
          try {
            s = { ...s, ...transition(s, a, at(clock)) };
          } catch (error) {
            expect(error).toBeInstanceOf(TransitionError);
            continue;
          }
          expect(before.status).not.toBe('closed');
          expect(s.resolvedAt !== null).toBe(s.status === 'resolved' || s.status === 'closed');
          expect(s.closedAt !== null).toBe(s.status === 'closed');
          if (a.type === 'comment' && a.side === 'responder') expect(s.firstRespondedAt).not.toBeNull();
        }
      }),
    );
  });
});

describe('targets', () => {
  it('are the tier’s minutes after opening', () => {
    expect(targetsFor(T0, { firstResponseMinutes: 1440, resolutionMinutes: 7200 })).toEqual({ firstResponseTargetAt: at(1440), resolutionTargetAt: at(7200) });
  });

  it('formats durations with their two largest units', () => {
    expect([formatDuration(20_000), formatDuration(5 * 60_000), formatDuration(130 * 60_000), formatDuration(120 * 60_000), formatDuration((2 * DAY + 180) * 60_000), formatDuration(5 * DAY * 60_000)]).toEqual([
      'under 1 min',
      '5 min',
      '2 h 10 min',
      '2 h',
      '2 d 3 h',
      '5 d',
    ]);
  });

  it('says met, missed, due or overdue with the times', () => {
    expect(measureTarget('First response', T0, at(1440), at(130), at(200))).toMatchObject({ state: 'met', text: 'First response in 2 h 10 min, target 24 h' });
    expect(measureTarget('First response', T0, at(240), at(300), at(400))).toMatchObject({ state: 'missed', text: 'First response in 5 h, target 4 h (missed)' });
    expect(measureTarget('Resolution', T0, at(1440), null, at(1380))).toMatchObject({ state: 'due', text: 'Resolution due in 1 h, target 24 h' });
    expect(measureTarget('Resolution', T0, at(1440), null, at(1530))).toMatchObject({ state: 'overdue', text: 'Resolution overdue by 1 h 30 min, target 24 h' });
  });

  it('summarizes: median first response, and the share within target counting late unanswered tickets as missed', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const row = (respondedAfter: number | null, resolvedAfter: number | null = null) => ({ createdAt: T0, firstResponseTargetAt: at(60), resolutionTargetAt: at(600), firstRespondedAt: respondedAfter === null ? null : at(respondedAfter), resolvedAt: resolvedAfter === null ? null : at(resolvedAfter) });
    // Answered in 10, 30 and 90 minutes; one unanswered and late; one unanswered and still due (not counted).
    const rows = [row(10, 100), row(30, 700), row(90), row(null), { ...row(null), firstResponseTargetAt: at(500), resolutionTargetAt: at(5000) }];
    expect(summarizeTargets(rows, at(400))).toEqual({
      measured: 4,
      medianFirstResponseMs: 30 * 60_000,
      medianFirstResponse: '30 min',
      firstResponseWithinTargetPct: 50,
      resolvedMeasured: 2,
      resolutionWithinTargetPct: 50,
    });
    expect(summarizeTargets([], at(0))).toMatchObject({ measured: 0, medianFirstResponse: null, firstResponseWithinTargetPct: null });
  });
});
