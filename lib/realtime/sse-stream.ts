import type { Role } from '../db/generated/enums.ts';
import type { LiveClient } from './hub.ts';

// One browser's live stream as the hub sees it: Server-Sent Event frames written straight to
// the HTTP response (lib/realtime/live-http.ts), with a bounded buffer. While the stream replays
// what the browser missed (Last-Event-ID), the hub's frames are held (bounded too), then sent
// after the replay without the events it already carried. A client that cannot keep up (its
// socket does not drain) is dropped once more than MAX_BUFFERED_BYTES wait to be sent;
// EventSource reconnects and catches up from its last event id.

export const MAX_BUFFERED_BYTES = 64 * 1024;
/** How long ids of replayed events are remembered to drop their late live copies. */
const REPLAY_MEMORY_MS = 30_000;

/** Where the frames go: a Node ServerResponse (or anything that buffers like one). */
export interface FrameOutput {
  write(frame: Uint8Array): unknown;
  /** Bytes written but not yet handed to the socket. */
  readonly writableLength: number;
  end(): unknown;
}

export interface SseStreamInit {
  tenantId: string;
  userId: string;
  sessionId?: string;
  role: Role;
  recheck: LiveClient['recheck'];
}

interface Held {
  frame: Uint8Array;
  eventId?: string;
}

export class SseStream implements LiveClient {
  readonly tenantId: string;
  readonly userId: string;
  readonly sessionId?: string;
  role: Role;
  readonly recheck: LiveClient['recheck'];
  /** Called once when the stream ends, whoever ends it (the hub, the browser, the server). */
  onEnd?: (reason: string) => void;
  private held: Held[] | null = [];
  private heldBytes = 0;
  private replayed?: { ids: Set<string>; until: number };
  private ended = false;

  constructor(
    init: SseStreamInit,
    private readonly out: FrameOutput,
  ) {
    this.tenantId = init.tenantId;
    this.userId = init.userId;
    this.sessionId = init.sessionId;
    this.role = init.role;
    this.recheck = init.recheck;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  deliver(frame: Uint8Array, eventId?: string): boolean {
    if (this.ended) return false;
    if (this.held) {
      if (this.heldBytes + frame.byteLength > MAX_BUFFERED_BYTES) return false;
      this.held.push({ frame, eventId });
      this.heldBytes += frame.byteLength;
      return true;
    }
    if (eventId && this.replayed) {
      if (Date.now() > this.replayed.until) this.replayed = undefined;
      else if (this.replayed.ids.has(eventId)) return true;
    }
    return this.write(frame);
  }

  /** Writes directly (the opening lines, the replay); false when too much already waits. */
  write(frame: Uint8Array): boolean {
    if (this.ended || this.out.writableLength > MAX_BUFFERED_BYTES) return false;
    try {
      this.out.write(frame);
      return true;
    } catch {
      return false;
    }
  }

  /** Ends the hold: the replay's frames, then what the hub delivered meanwhile, minus replayed events. */
  release(replay: { frame: Uint8Array; eventId: string }[]): boolean {
    const held = this.held ?? [];
    this.held = null;
    this.heldBytes = 0;
    if (replay.length) this.replayed = { ids: new Set(replay.map((item) => item.eventId)), until: Date.now() + REPLAY_MEMORY_MS };
    for (const item of replay) if (!this.write(item.frame)) return false;
    for (const item of held) {
      if (item.eventId && this.replayed?.ids.has(item.eventId)) continue;
      if (!this.write(item.frame)) return false;
    }
    return true;
  }

  end(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.held = null;
    try {
      this.out.end();
    } catch {
      // the connection is already gone
    }
    this.onEnd?.(reason);
  }
}
