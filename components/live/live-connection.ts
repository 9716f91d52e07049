import type { LiveMessage } from '@/lib/realtime/protocol';
import { LIVE_PATH } from '@/lib/realtime/live-path';

// The browser's side of the live stream, without React: an EventSource on /api/app/live that
// reconnects with backoff from the highest seq it has seen (?after=, since a new EventSource
// does not send Last-Event-ID), drops events it already had (replays overlap on purpose), and
// falls back to polling /api/app/live/poll when the stream cannot be opened (a proxy blocks or
// buffers it), trying the stream again now and then.

export interface LiveConnectionOptions {
  onMessage(message: LiveMessage): void;
  /** The stream came back after a gap (or switched mode): what is shown may be stale. */
  onResume(): void;
  /** Current transport, for the page (and the tests). */
  onState?(state: LiveState): void;
  url?: string;
  pollUrl?: string;
  /** Injected in tests. */
  EventSourceImpl?: typeof EventSource;
  fetchImpl?: typeof fetch;
}

export type LiveState = 'connecting' | 'open' | 'polling' | 'closed';

/** How long a stream may take to say hello before it counts as blocked. */
const HELLO_TIMEOUT_MS = 10_000;
const POLL_MS = 5_000;
/** Failures to open in a row before polling. */
const FAILURES_BEFORE_POLLING = 3;
/** While polling, how often the stream is tried again. */
const RETRY_STREAM_MS = 60_000;
const SEEN_IDS = 1_000;

export class LiveConnection {
  private source?: EventSource;
  private cursor: string | null = null;
  private seen = new Set<string>();
  private failures = 0;
  private everOpened = false;
  private timer?: ReturnType<typeof setTimeout>;
  private helloTimer?: ReturnType<typeof setTimeout>;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private marks?: Record<string, string | undefined>;
  private stopped = false;
  private state: LiveState = 'connecting';

  constructor(private readonly options: LiveConnectionOptions) {}

  start(): void {
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.closeSource();
    clearTimeout(this.timer);
    clearTimeout(this.pollTimer);
    this.setState('closed');
  }

  /** Back online (the browser says so): try the stream at once, forgetting earlier failures. */
  reconnectNow(): void {
    if (this.stopped || this.state === 'open') return;
    this.failures = 0;
    clearTimeout(this.timer);
    this.connect();
  }

  /** The highest seq seen (tests). */
  get lastSeq(): string | null {
    return this.cursor;
  }

  private setState(state: LiveState): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onState?.(state);
  }

  private url(): string {
    const base = this.options.url ?? LIVE_PATH;
    return this.cursor ? `${base}?after=${encodeURIComponent(this.cursor)}` : base;
  }

  private closeSource(): void {
    clearTimeout(this.helloTimer);
    if (!this.source) return;
    this.source.onmessage = null;
    this.source.onerror = null;
    this.source.close();
    this.source = undefined;
  }

  private connect(): void {
    if (this.stopped) return;
    this.closeSource();
    const Impl = this.options.EventSourceImpl ?? EventSource;
    const source = new Impl(this.url(), { withCredentials: true });
    this.source = source;
    this.setState(this.state === 'polling' ? 'polling' : 'connecting');
    let greeted = false;
    this.helloTimer = setTimeout(() => {
      if (!greeted) this.failed(false);
    }, HELLO_TIMEOUT_MS);
    source.addEventListener('hello', (event) => {
      greeted = true;
      clearTimeout(this.helloTimer);
      const cursor = (JSON.parse((event as MessageEvent<string>).data) as { cursor?: string }).cursor;
      const resumed = this.everOpened || this.state === 'polling';
      if (cursor && !this.cursor) this.cursor = cursor;
      this.failures = 0;
      this.everOpened = true;
      clearTimeout(this.pollTimer);
      this.setState('open');
      // Back after a gap: the replay brings events, but a page may have been rendered before
      // the first stream opened, and notifications are not replayed.
      if (resumed) this.options.onResume();
    });
    source.onmessage = (event: MessageEvent<string>) => {
      let message: LiveMessage;
      try {
        message = JSON.parse(event.data) as LiveMessage;
      } catch {
        return;
      }
      this.handle(message);
    };
    source.onerror = () => this.failed(greeted);
  }

  private handle(message: LiveMessage): void {
    if (message.kind === 'event') {
      if (this.seen.has(message.id)) return;
      this.seen.add(message.id);
      if (this.seen.size > SEEN_IDS) this.seen.delete(this.seen.values().next().value as string);
      if (!this.cursor || BigInt(message.seq) > BigInt(this.cursor)) this.cursor = message.seq;
    }
    this.options.onMessage(message);
  }

  /** The stream broke (or never opened): reconnect with backoff, or poll if it keeps failing to open. */
  private failed(wasOpen: boolean): void {
    this.closeSource();
    if (this.stopped) return;
    if (!wasOpen) this.failures++;
    if (this.failures >= FAILURES_BEFORE_POLLING) {
      this.startPolling();
      return;
    }
    this.setState('connecting');
    const delay = Math.min(30_000, 1_000 * 2 ** this.failures) * (0.5 + Math.random() / 2);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), wasOpen ? 500 + Math.random() * 1_000 : delay);
  }

  private startPolling(): void {
    if (this.state !== 'polling') {
      this.setState('polling');
      this.options.onResume();
      void this.poll();
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.failures = FAILURES_BEFORE_POLLING - 1; // one more failure and back to polling
      this.connect();
    }, RETRY_STREAM_MS);
  }

  private async poll(): Promise<void> {
    if (this.stopped || this.state !== 'polling') return;
    try {
      const base = this.options.pollUrl ?? '/api/app/live/poll';
      const response = await (this.options.fetchImpl ?? fetch)(this.cursor ? `${base}?after=${encodeURIComponent(this.cursor)}` : base, { credentials: 'same-origin', cache: 'no-store' });
      // Signed out (or removed): nothing more will come.
      if (response.status === 401 || response.status === 403) {
        this.stop();
        return;
      }
      if (response.ok) {
        const body = (await response.json()) as { cursor: string; messages: LiveMessage[]; marks: Record<string, string | undefined> };
        for (const message of body.messages) this.handle(message);
        if (this.marks) {
          if (body.marks.notifications !== this.marks.notifications) this.options.onMessage({ kind: 'notifications' });
          if (body.marks.webhooks !== undefined && body.marks.webhooks !== this.marks.webhooks) this.options.onMessage({ kind: 'webhooks' });
        }
        this.marks = body.marks;
        if (!this.cursor || BigInt(body.cursor) > BigInt(this.cursor)) this.cursor = body.cursor;
      }
    } catch {
      // offline: try again at the next tick
    }
    if (this.state === 'polling' && !this.stopped) this.pollTimer = setTimeout(() => void this.poll(), POLL_MS);
  }
}
