import type { EventAudience, Role } from '../db/generated/enums.ts';
import { can } from '../members/permissions.ts';
import { canSee, type AudienceColumns, type AudienceViewer } from './audience.ts';
import type { LiveMessage, LiveSubject } from './protocol.ts';

// The live hub of one instance: every announcement on waypoint_live (one LISTEN connection per
// process, lib/db/notify-listener.ts) is routed here and fanned out in process to the streams
// of its tenant, each filtered by what its viewer may see (canSee, with the tenant's team
// memberships cached here and kept current from team.member_* events as they pass by). The
// hub knows nothing about HTTP: a client is anything that takes encoded frames (lib/realtime/
// sse-stream.ts) and can be ended. It also keeps each client alive (a heartbeat every ~25 s)
// and re-checks its session every minute (a signed-out or removed member's stream ends).

/** A decoded announcement of a domain event (the trigger in migration live_social). */
export interface LiveAnnouncement extends AudienceColumns {
  tenantId: string;
  seq: string;
  id: string;
  type: string;
  actorId: string | null;
  subject: LiveSubject;
}

export interface LiveClient {
  readonly tenantId: string;
  readonly userId: string;
  /** The server-side session the stream was opened with (ended sessions end it at once). */
  readonly sessionId?: string;
  role: Role;
  /** Queues a frame; false when the client cannot keep up (its buffer is full): the hub ends it. */
  deliver(frame: Uint8Array, eventId?: string): boolean;
  /** Ends the stream (idempotent). */
  end(reason: string): void;
  /** Whether the member may still receive (session still stands, still a member): their current role, or null. */
  recheck(): Promise<{ role: Role } | null>;
}

interface Entry {
  client: LiveClient;
  nextHeartbeat: number;
  nextCheck: number;
  checking: boolean;
  viewer?: AudienceViewer;
  viewerVersion: number;
  viewerRole?: Role;
}

interface Room {
  entries: Map<LiveClient, Entry>;
  teamsOf: Map<string, Set<string>>;
  membersOf: Map<string, Set<string>>;
  version: number;
  ready: Promise<void>;
}

export interface HubOptions {
  /** Every (teamId, userId) of the tenant. */
  loadTeamMembers(tenantId: string): Promise<{ teamId: string; userId: string }[]>;
  now?: () => number;
  heartbeatMs?: number;
  recheckMs?: number;
}

const encoder = new TextEncoder();
export const HEARTBEAT_FRAME = encoder.encode(': keep-alive\n\n');

/** One SSE frame: `id:` only for events (the browser's Last-Event-ID is a seq). */
export function encodeFrame(message: LiveMessage, id?: string): Uint8Array {
  return encoder.encode(`${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(message)}\n\n`);
}

const AUDIENCES = new Set<EventAudience>(['workspace', 'team', 'teammates', 'users', 'admins']);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

type Parsed = { kind: 'event'; event: LiveAnnouncement } | { kind: 'notifications'; tenantId: string; userId: string } | { kind: 'webhooks'; tenantId: string; endpointId?: string };

/** A waypoint_live payload, or null when it is not one (never trusted blindly: it is only JSON). */
export function parseAnnouncement(payload: string): Parsed | null {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return null;
  }
  const tenantId = str(raw?.t);
  if (!tenantId) return null;
  if (raw.k === 'n') {
    const userId = str(raw.u);
    return userId ? { kind: 'notifications', tenantId, userId } : null;
  }
  if (raw.k === 'w') return { kind: 'webhooks', tenantId, ...(str(raw.w) ? { endpointId: str(raw.w)! } : {}) };
  if (raw.k !== 'e') return null;
  const seq = str(raw.s);
  const id = str(raw.i);
  const type = str(raw.y);
  const audience = str(raw.a) as EventAudience | null;
  if (!seq || !/^\d+$/.test(seq) || !id || !type || !audience || !AUDIENCES.has(audience)) return null;
  const p = raw.p && typeof raw.p === 'object' ? (raw.p as Record<string, unknown>) : {};
  const subject: LiveSubject = {};
  for (const key of ['goalId', 'milestoneId', 'habitId', 'teamId', 'userId', 'commentId'] as const) {
    const value = str(p[key]);
    if (value) subject[key] = value;
  }
  return {
    kind: 'event',
    event: {
      tenantId,
      seq,
      id,
      type,
      actorId: str(raw.ac),
      audience,
      audienceTeamId: str(raw.tm),
      audienceUserIds: Array.isArray(raw.u) ? raw.u.filter((u): u is string => typeof u === 'string') : [],
      subject,
    },
  };
}

export function eventMessage(event: Pick<LiveAnnouncement, 'seq' | 'id' | 'type' | 'actorId' | 'subject'>): LiveMessage {
  return { kind: 'event', seq: event.seq, id: event.id, type: event.type, actorId: event.actorId, subject: event.subject };
}

const isAdmin = (role: Role) => can(role, 'integrations.manage');

/**
 * Everyone who shares a team with `userId` (themself included), answered from the room's maps
 * without copying them: `has` looks at the two people's teams; iterating builds the set.
 */
class TeammateSet extends Set<string> {
  constructor(
    private readonly userId: string,
    private readonly room: Pick<Room, 'teamsOf' | 'membersOf'>,
  ) {
    super();
    Object.defineProperty(this, 'size', { get: () => this.all().size });
  }

  override has(id: string): boolean {
    if (id === this.userId) return true;
    const mine = this.room.teamsOf.get(this.userId);
    const theirs = this.room.teamsOf.get(id);
    if (!mine || !theirs) return false;
    const [small, large] = mine.size <= theirs.size ? [mine, theirs] : [theirs, mine];
    for (const teamId of small) if (large.has(teamId)) return true;
    return false;
  }

  private all(): Set<string> {
    const ids = new Set<string>([this.userId]);
    for (const teamId of this.room.teamsOf.get(this.userId) ?? []) for (const id of this.room.membersOf.get(teamId) ?? []) ids.add(id);
    return ids;
  }

  override forEach(callback: (value: string, key: string, set: Set<string>) => void): void {
    for (const id of this.all()) callback(id, id, this);
  }
  override entries(): SetIterator<[string, string]> {
    return this.all().entries();
  }
  override keys(): SetIterator<string> {
    return this.all().keys();
  }
  override values(): SetIterator<string> {
    return this.all().values();
  }
  override [Symbol.iterator](): SetIterator<string> {
    return this.all().values();
  }
}

export class LiveHub {
  private rooms = new Map<string, Room>();
  private readonly now: () => number;
  private readonly heartbeatMs: number;
  private readonly recheckMs: number;
  /** Messages delivered and clients dropped for being slow (for the benchmark and logs). */
  readonly stats = { delivered: 0, dropped: 0, announcements: 0 };

  constructor(private readonly options: HubOptions) {
    this.now = options.now ?? Date.now;
    this.heartbeatMs = options.heartbeatMs ?? 25_000;
    this.recheckMs = options.recheckMs ?? 60_000;
  }

  get size(): number {
    let n = 0;
    for (const room of this.rooms.values()) n += room.entries.size;
    return n;
  }

  /** Adds a client once its tenant's team memberships are known; returns how to remove it. */
  async add(client: LiveClient): Promise<() => void> {
    let room = this.rooms.get(client.tenantId);
    if (!room) {
      const fresh: Room = { entries: new Map(), teamsOf: new Map(), membersOf: new Map(), version: 0, ready: Promise.resolve() };
      fresh.ready = this.options.loadTeamMembers(client.tenantId).then((rows) => {
        for (const row of rows) this.link(fresh, row.teamId, row.userId);
      });
      this.rooms.set(client.tenantId, fresh);
      room = fresh;
      // A failed load must not leave a room that never becomes ready.
      fresh.ready.catch(() => {
        if (this.rooms.get(client.tenantId) === fresh && fresh.entries.size === 0) this.rooms.delete(client.tenantId);
      });
    }
    await room.ready;
    const now = this.now();
    // Spread the re-checks so a thousand streams opened together are not checked together.
    room.entries.set(client, { client, nextHeartbeat: now + this.heartbeatMs, nextCheck: now + this.recheckMs * (0.5 + Math.random() / 2), checking: false, viewerVersion: -1 });
    return () => this.remove(client);
  }

  remove(client: LiveClient): void {
    const room = this.rooms.get(client.tenantId);
    if (!room) return;
    room.entries.delete(client);
    if (room.entries.size === 0) this.rooms.delete(client.tenantId);
  }

  /** A NOTIFY payload; undefined after the listener reconnected (anything may have been missed). */
  receive(payload?: string): void {
    if (payload === undefined) {
      this.broadcastReset();
      return;
    }
    const parsed = parseAnnouncement(payload);
    if (!parsed) return;
    this.stats.announcements++;
    const room = this.rooms.get(parsed.kind === 'event' ? parsed.event.tenantId : parsed.tenantId);
    if (!room) return;
    if (parsed.kind === 'notifications') {
      const frame = encodeFrame({ kind: 'notifications' });
      for (const entry of room.entries.values()) if (entry.client.userId === parsed.userId) this.send(room, entry, frame);
      return;
    }
    if (parsed.kind === 'webhooks') {
      const frame = encodeFrame({ kind: 'webhooks', ...(parsed.endpointId ? { endpointId: parsed.endpointId } : {}) });
      for (const entry of room.entries.values()) if (isAdmin(entry.client.role)) this.send(room, entry, frame);
      return;
    }
    const event = parsed.event;
    this.applyMembership(room, event);
    let frame: Uint8Array | undefined;
    for (const entry of [...room.entries.values()]) {
      if (!canSee(event, this.viewerOf(room, entry))) continue;
      frame ??= encodeFrame(eventMessage(event), event.seq);
      this.send(room, entry, frame, event.id);
    }
    // A member removed from the workspace: their streams are re-checked now, not in a minute.
    if (event.type === 'user.deleted' && event.subject.userId) this.recheckUser(room, event.subject.userId);
  }

  /** Sessions ended on any instance ("id,id,…", or everything for "*" / a reconnect). */
  sessionsEnded(payload?: string): void {
    const ids = !payload || payload === '*' ? null : new Set(payload.split(','));
    for (const room of this.rooms.values()) {
      for (const entry of room.entries.values()) {
        if (ids === null || (entry.client.sessionId && ids.has(entry.client.sessionId))) entry.nextCheck = 0;
      }
    }
    this.tick();
  }

  /** Heartbeats and session re-checks that are due (called every few seconds). */
  tick(): void {
    const now = this.now();
    for (const room of this.rooms.values()) {
      for (const entry of [...room.entries.values()]) {
        if (now >= entry.nextHeartbeat) {
          entry.nextHeartbeat = now + this.heartbeatMs;
          this.send(room, entry, HEARTBEAT_FRAME);
        }
        if (now >= entry.nextCheck && !entry.checking) void this.check(room, entry);
      }
    }
  }

  /** Ends every stream (the server is stopping): clients reconnect, to another instance. */
  closeAll(reason: string): void {
    for (const room of [...this.rooms.values()]) for (const entry of [...room.entries.values()]) entry.client.end(reason);
    this.rooms.clear();
  }

  /** The viewer as canSee wants it, from the cached memberships (recomputed when they change). */
  viewerOf(room: Room, entry: Entry): AudienceViewer {
    const role = entry.client.role;
    if (entry.viewer && entry.viewerVersion === room.version && entry.viewerRole === role) return entry.viewer;
    const userId = entry.client.userId;
    const teamIds: ReadonlySet<string> = room.teamsOf.get(userId) ?? new Set<string>();
    // Not a copy of every teammate (a 1,000-person team would make that a million entries
    // per tenant): asked person by person, from the shared membership maps.
    const viewer: AudienceViewer = { userId, role, teamIds, teammateIds: new TeammateSet(userId, room) };
    entry.viewer = viewer;
    entry.viewerVersion = room.version;
    entry.viewerRole = role;
    return viewer;
  }

  private send(room: Room, entry: Entry, frame: Uint8Array, eventId?: string): void {
    let ok = false;
    try {
      ok = entry.client.deliver(frame, eventId);
    } catch {
      ok = false;
    }
    if (ok) {
      this.stats.delivered++;
      return;
    }
    // Too slow (its buffer is full) or already gone: dropped, not allowed to grow.
    this.stats.dropped++;
    room.entries.delete(entry.client);
    entry.client.end('slow');
    if (room.entries.size === 0) this.rooms.delete(entry.client.tenantId);
  }

  private link(room: Room, teamId: string, userId: string): void {
    const teams = room.teamsOf.get(userId) ?? new Set<string>();
    teams.add(teamId);
    room.teamsOf.set(userId, teams);
    const members = room.membersOf.get(teamId) ?? new Set<string>();
    members.add(userId);
    room.membersOf.set(teamId, members);
    room.version++;
  }

  private unlink(room: Room, teamId: string, userId: string): void {
    room.teamsOf.get(userId)?.delete(teamId);
    room.membersOf.get(teamId)?.delete(userId);
    room.version++;
  }

  /** Team memberships change with the events that announce them, in commit order. */
  private applyMembership(room: Room, event: LiveAnnouncement): void {
    const { teamId, userId } = event.subject;
    if (!teamId || !userId) return;
    if (event.type === 'team.member_added') this.link(room, teamId, userId);
    else if (event.type === 'team.member_removed') this.unlink(room, teamId, userId);
  }

  private recheckUser(room: Room, userId: string): void {
    for (const entry of room.entries.values()) if (entry.client.userId === userId) entry.nextCheck = 0;
    this.tick();
  }

  private async check(room: Room, entry: Entry): Promise<void> {
    entry.checking = true;
    let result: { role: Role } | null = null;
    try {
      result = await entry.client.recheck();
    } catch {
      // The database is briefly away: keep the stream, try again soon.
      entry.checking = false;
      entry.nextCheck = this.now() + 5_000;
      return;
    }
    entry.checking = false;
    entry.nextCheck = this.now() + this.recheckMs;
    if (!result) {
      room.entries.delete(entry.client);
      if (room.entries.size === 0 && this.rooms.get(entry.client.tenantId) === room) this.rooms.delete(entry.client.tenantId);
      entry.client.end('session ended');
      return;
    }
    entry.client.role = result.role;
  }

  private broadcastReset(): void {
    const frame = encodeFrame({ kind: 'reset' });
    for (const [tenantId, room] of [...this.rooms]) {
      // Membership changes may have been missed too: read them again.
      void this.options.loadTeamMembers(tenantId).then(
        (rows) => {
          room.teamsOf.clear();
          room.membersOf.clear();
          for (const row of rows) this.link(room, row.teamId, row.userId);
        },
        () => undefined,
      );
      for (const entry of [...room.entries.values()]) this.send(room, entry, frame);
    }
  }
}
