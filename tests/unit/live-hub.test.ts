import { describe, expect, it } from 'vitest';
import type { Role } from '../../lib/db/generated/enums.ts';
import { audienceColumns, goalAudience, habitAudience, type Audience } from '../../lib/realtime/audience.ts';
import { LiveHub, parseAnnouncement, type LiveClient } from '../../lib/realtime/hub.ts';
import type { LiveMessage } from '../../lib/realtime/protocol.ts';
import { MAX_BUFFERED_BYTES, SseStream } from '../../lib/realtime/sse-stream.ts';

// The hub's routing, without a database or HTTP: announcements as the trigger writes them,
// clients that record what reached them.

const TENANT = 'tnt_a';
const decoder = new TextDecoder();

class FakeClient implements LiveClient {
  frames: string[] = [];
  ended?: string;
  full = false;
  alive: { role: Role } | null;
  constructor(
    readonly userId: string,
    public role: Role,
    readonly tenantId = TENANT,
    readonly sessionId = `ses_${userId}`,
  ) {
    this.alive = { role };
  }
  deliver(frame: Uint8Array): boolean {
    if (this.full) return false;
    this.frames.push(decoder.decode(frame));
    return true;
  }
  end(reason: string): void {
    this.ended ??= reason;
  }
  async recheck() {
    return this.alive;
  }
  /** The live messages received (heartbeats left out). */
  get messages(): LiveMessage[] {
    return this.frames.filter((f) => f.includes('data: ')).map((f) => JSON.parse(f.slice(f.indexOf('data: ') + 6)) as LiveMessage);
  }
  get eventIds(): string[] {
    return this.messages.flatMap((m) => (m.kind === 'event' ? [m.id] : []));
  }
}

let seq = 0;
function announce(type: string, audience: Audience, p: Record<string, string> = {}, tenantId = TENANT): { payload: string; id: string } {
  seq++;
  const id = `evt_${seq}`;
  const cols = audienceColumns(audience);
  return { id, payload: JSON.stringify({ k: 'e', t: tenantId, s: String(seq), i: id, y: type, a: cols.audience, tm: cols.audienceTeamId, u: cols.audienceUserIds, ac: 'someone', p }) };
}

async function hubWith(teams: { teamId: string; userId: string }[], clients: FakeClient[], now = { t: 0 }) {
  const hub = new LiveHub({ loadTeamMembers: async () => teams, now: () => now.t, heartbeatMs: 25_000, recheckMs: 60_000 });
  for (const client of clients) await hub.add(client);
  return hub;
}

describe('the live hub', () => {
  it('never sends a personal goal’s events to anyone but its owner, admins and owners included', async () => {
    const owner = new FakeClient('u_owner', 'member');
    const admin = new FakeClient('u_admin', 'admin');
    const boss = new FakeClient('u_boss', 'owner');
    const mate = new FakeClient('u_mate', 'member');
    const hub = await hubWith([{ teamId: 't1', userId: 'u_owner' }, { teamId: 't1', userId: 'u_mate' }], [owner, admin, boss, mate]);
    const event = announce('goal.updated', goalAudience({ teamId: null, ownerId: 'u_owner' }), { goalId: 'g_private' });
    hub.receive(event.payload);
    expect(owner.eventIds).toEqual([event.id]);
    expect(admin.frames).toEqual([]);
    expect(boss.frames).toEqual([]);
    expect(mate.frames).toEqual([]);
    // What reaches the owner is ids and a type, never a title.
    expect(owner.messages[0]).toEqual({ kind: 'event', seq: String(seq), id: event.id, type: 'goal.updated', actorId: 'someone', subject: { goalId: 'g_private' } });
  });

  it('sends a team goal’s events to the team and the admins, not to other members', async () => {
    const inTeam = new FakeClient('u_in', 'member');
    const outside = new FakeClient('u_out', 'member');
    const admin = new FakeClient('u_admin', 'admin');
    const hub = await hubWith([{ teamId: 't1', userId: 'u_in' }, { teamId: 't2', userId: 'u_out' }], [inTeam, outside, admin]);
    const event = announce('goal.completed', goalAudience({ teamId: 't1', ownerId: 'u_in' }), { goalId: 'g1', teamId: 't1' });
    hub.receive(event.payload);
    expect(inTeam.eventIds).toEqual([event.id]);
    expect(admin.eventIds).toEqual([event.id]);
    expect(outside.frames).toEqual([]);
  });

  it('follows team membership as team.member_* events pass, in order', async () => {
    const newcomer = new FakeClient('u_new', 'member');
    const hub = await hubWith([], [newcomer]);
    const before = announce('goal.updated', goalAudience({ teamId: 't1', ownerId: 'u_x' }), { goalId: 'g1' });
    hub.receive(before.payload);
    const joined = announce('team.member_added', { kind: 'team', teamId: 't1', userIds: ['u_new'] }, { teamId: 't1', userId: 'u_new' });
    hub.receive(joined.payload);
    const after = announce('goal.updated', goalAudience({ teamId: 't1', ownerId: 'u_x' }), { goalId: 'g1' });
    hub.receive(after.payload);
    // Teammates now: a non-private habit of someone in t1 reaches them too.
    const mateJoins = announce('team.member_added', { kind: 'team', teamId: 't1', userIds: ['u_mate'] }, { teamId: 't1', userId: 'u_mate' });
    hub.receive(mateJoins.payload);
    const habit = announce('habit.logged', habitAudience({ userId: 'u_mate', private: false }), { habitId: 'h1' });
    const secret = announce('habit.logged', habitAudience({ userId: 'u_mate', private: true }), { habitId: 'h2' });
    hub.receive(habit.payload);
    hub.receive(secret.payload);
    const left = announce('team.member_removed', { kind: 'team', teamId: 't1', userIds: ['u_new'] }, { teamId: 't1', userId: 'u_new' });
    hub.receive(left.payload);
    const gone = announce('goal.updated', goalAudience({ teamId: 't1', ownerId: 'u_x' }), { goalId: 'g1' });
    hub.receive(gone.payload);
    expect(newcomer.eventIds).toEqual([joined.id, after.id, mateJoins.id, habit.id, left.id]);
  });

  it('keeps tenants apart and sends notifications and webhooks only to whom they concern', async () => {
    const a = new FakeClient('u_a', 'admin');
    const aMember = new FakeClient('u_m', 'member');
    const b = new FakeClient('u_b', 'admin', 'tnt_b');
    const hub = await hubWith([], [a, aMember, b]);
    hub.receive(announce('user.created', { kind: 'workspace' }, { userId: 'u_z' }, 'tnt_b').payload);
    hub.receive(JSON.stringify({ k: 'n', t: TENANT, u: 'u_m' }));
    hub.receive(JSON.stringify({ k: 'w', t: TENANT, w: 'whk_1' }));
    expect(a.messages).toEqual([{ kind: 'webhooks', endpointId: 'whk_1' }]);
    expect(aMember.messages).toEqual([{ kind: 'notifications' }]);
    expect(b.messages.map((m) => m.kind)).toEqual(['event']);
  });

  it('ignores payloads that are not announcements', () => {
    for (const junk of ['', 'null', '{}', '[]', '{"k":"e","t":"x"}', '{"k":"e","t":"x","s":"1; drop","i":"e","y":"t","a":"workspace"}', '{"k":"e","t":"x","s":"1","i":"e","y":"t","a":"everyone"}']) {
      expect(parseAnnouncement(junk), junk).toBeNull();
    }
  });

  it('drops a client that cannot keep up instead of buffering for it', async () => {
    const slow = new FakeClient('u_slow', 'member');
    const fine = new FakeClient('u_fine', 'member');
    const hub = await hubWith([], [slow, fine]);
    slow.full = true;
    hub.receive(announce('user.updated', { kind: 'workspace' }, { userId: 'u_q' }).payload);
    expect(slow.ended).toBe('slow');
    expect(hub.size).toBe(1);
    expect(hub.stats.dropped).toBe(1);
    expect(fine.messages).toHaveLength(1);
  });

  it('sends heartbeats, ends streams whose session ended, and resets everyone after a listener reconnect', async () => {
    const now = { t: 0 };
    const stays = new FakeClient('u_stay', 'member');
    const leaves = new FakeClient('u_leave', 'member');
    const hub = await hubWith([], [stays, leaves], now);
    now.t = 26_000;
    hub.tick();
    expect(stays.frames).toEqual([': keep-alive\n\n']);
    leaves.alive = null;
    hub.sessionsEnded('ses_u_leave');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(leaves.ended).toBe('session ended');
    expect(stays.ended).toBeUndefined();
    expect(hub.size).toBe(1);
    // A role change found by a re-check applies to what the stream may see next.
    stays.alive = { role: 'admin' };
    now.t = 200_000;
    hub.tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stays.role).toBe('admin');
    hub.receive(undefined);
    expect(stays.messages.at(-1)).toEqual({ kind: 'reset' });
  });

  it('a removed member (user.deleted) is re-checked at once', async () => {
    const removed = new FakeClient('u_rm', 'member');
    const hub = await hubWith([], [removed]);
    removed.alive = null;
    hub.receive(announce('user.deleted', { kind: 'workspace' }, { userId: 'u_rm' }).payload);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(removed.ended).toBe('session ended');
    expect(hub.size).toBe(0);
  });
});

describe('an SSE stream', () => {
  /** A response that keeps what is written and never drains (like a socket nobody reads). */
  class Output {
    chunks: Uint8Array[] = [];
    ended = false;
    get writableLength(): number {
      return this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    }
    write(chunk: Uint8Array): boolean {
      this.chunks.push(chunk);
      return true;
    }
    end(): void {
      this.ended = true;
    }
    get text(): string {
      return this.chunks.map((chunk) => new TextDecoder().decode(chunk)).join('');
    }
  }
  const open = (out = new Output()) => ({ out, stream: new SseStream({ tenantId: TENANT, userId: 'u', role: 'member', recheck: async () => ({ role: 'member' }) }, out) });
  const encode = (text: string) => new TextEncoder().encode(text);

  it('holds live frames during the replay, then sends them without the replayed events', () => {
    const { out, stream } = open();
    expect(stream.deliver(encode('live-1\n'), 'evt_1')).toBe(true);
    expect(stream.deliver(encode('live-2\n'), 'evt_2')).toBe(true);
    expect(out.text).toBe('');
    stream.release([{ frame: encode('replay-1\n'), eventId: 'evt_1' }]);
    // A late live copy of a replayed event is dropped too.
    stream.deliver(encode('late-1\n'), 'evt_1');
    stream.deliver(encode('live-3\n'), 'evt_3');
    stream.end('done');
    expect(out.text).toBe('replay-1\nlive-2\nlive-3\n');
    expect(out.ended).toBe(true);
  });

  it('refuses frames once its buffer is full because nobody reads', () => {
    const { stream } = open();
    stream.release([]);
    const frame = new Uint8Array(8 * 1024);
    let accepted = 0;
    while (stream.deliver(frame) && accepted < 1000) accepted++;
    expect(accepted * frame.byteLength).toBeLessThanOrEqual(MAX_BUFFERED_BYTES + frame.byteLength);
    expect(accepted).toBeGreaterThan(0);
  });

  it('refuses to hold more than its buffer during a replay', () => {
    const { stream } = open();
    const frame = new Uint8Array(8 * 1024);
    let held = 0;
    while (stream.deliver(frame, `evt_${held}`) && held < 1000) held++;
    expect(held * frame.byteLength).toBeLessThanOrEqual(MAX_BUFFERED_BYTES);
    expect(held).toBeGreaterThan(0);
  });

  it('ends once, telling whoever listens', () => {
    const { out, stream } = open();
    const reasons: string[] = [];
    stream.onEnd = (reason) => reasons.push(reason);
    stream.end('one');
    stream.end('two');
    expect(reasons).toEqual(['one']);
    expect(out.ended).toBe(true);
    expect(stream.deliver(encode('x'))).toBe(false);
  });
});

describe('a viewer’s teammates, as the hub answers them', () => {
  it('are whoever shares a team, asked one by one, and iterate as a set', async () => {
    const viewer = new FakeClient('u_v', 'member');
    const teams = [
      { teamId: 't1', userId: 'u_v' },
      { teamId: 't1', userId: 'u_a' },
      { teamId: 't2', userId: 'u_v' },
      { teamId: 't2', userId: 'u_b' },
      { teamId: 't3', userId: 'u_c' },
    ];
    const hub = new LiveHub({ loadTeamMembers: async () => teams });
    await hub.add(viewer);
    const rooms = (hub as unknown as { rooms: Map<string, Parameters<LiveHub['viewerOf']>[0]> }).rooms;
    const room = rooms.get(TENANT)!;
    const entry = (room as unknown as { entries: Map<LiveClient, Parameters<LiveHub['viewerOf']>[1]> }).entries.get(viewer)!;
    const mates = hub.viewerOf(room, entry).teammateIds;
    expect(['u_v', 'u_a', 'u_b', 'u_c', 'u_x'].map((id) => mates.has(id))).toEqual([true, true, true, false, false]);
    expect([...mates].sort()).toEqual(['u_a', 'u_b', 'u_v']);
    expect(mates.size).toBe(3);
  });
});
