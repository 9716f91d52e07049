import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A fake Slack for tests and e2e: the OAuth v2 consent page and what Waypoint calls of the Web
// API (oauth.v2.access, auth.revoke, conversations.list, chat.postMessage, users.info), spoken
// the way Slack does (form-encoded requests, Bearer tokens, 200 with { ok: false, error } for
// most failures, 429 with Retry-After). Point SLACK_API_BASE at url. Never used by the product.

export interface FakeSlackUser {
  id: string;
  name: string;
  email: string | null;
}

export interface FakeSlackChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_member: boolean;
  is_archived?: boolean;
}

export interface PostedMessage {
  channel: string;
  text: string;
  attachments: unknown[];
  blocks: unknown[];
  token: string;
  ts: string;
}

export interface FakeSlackOptions {
  clientId?: string;
  clientSecret?: string;
  signingSecret?: string;
  team?: { id: string; name: string };
  /** Serve under this path prefix (e.g. /slack) when one server hosts several fakes. */
  basePath?: string;
  port?: number;
}

export interface FakeSlack {
  /** The SLACK_API_BASE to configure. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** The SLACK_SIGNING_SECRET to configure (and to sign slash commands with). */
  signingSecret: string;
  team: { id: string; name: string };
  channels: FakeSlackChannel[];
  users: Map<string, FakeSlackUser>;
  posted: PostedMessage[];
  /** Every Web API call, by method name, in order. */
  calls: { method: string; params: Record<string, string>; token: string | null }[];
  /** Tokens revoked with auth.revoke. */
  revoked: Set<string>;
  /** The next call of `method` answers 429 with this Retry-After (seconds). */
  rateLimitNext(method: string, retryAfterSeconds: number): void;
  /** The next call of `method` answers { ok: false, error }. */
  failNext(method: string, error: string): void;
  /** Follows the consent page's "Allow" as a browser would: the redirect URL with code and state. */
  approve(authorizeUrl: string): Promise<string>;
  /** Handles a request under basePath; false when it is not one of this fake's. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): boolean;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function createFakeSlack(options: FakeSlackOptions = {}): Omit<FakeSlack, 'url' | 'close'> & { setOrigin(origin: string): void; origin(): string } {
  const basePath = options.basePath ?? '';
  let origin = '';
  const clientId = options.clientId ?? 'fake-slack-client-id';
  const clientSecret = options.clientSecret ?? 'fake-slack-client-secret';
  const signingSecret = options.signingSecret ?? 'fake-slack-signing-secret';
  const team = options.team ?? { id: id('T'), name: 'Fake Slack workspace' };
  const channels: FakeSlackChannel[] = [
    { id: 'C0GENERAL', name: 'general', is_private: false, is_member: true },
    { id: 'C0WINS', name: 'wins', is_private: false, is_member: false },
    { id: 'G0LEADS', name: 'team-leads', is_private: true, is_member: true },
    { id: 'C0OLD', name: 'old-news', is_private: false, is_member: false, is_archived: true },
  ];
  const users = new Map<string, FakeSlackUser>();
  const posted: PostedMessage[] = [];
  const calls: FakeSlack['calls'] = [];
  const revoked = new Set<string>();
  const codes = new Map<string, { redirectUri: string; scope: string }>();
  const tokens = new Set<string>();
  const refreshTokens = new Set<string>();
  const rateLimits = new Map<string, number>();
  const failures = new Map<string, string>();

  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  function consentPage(url: URL, res: http.ServerResponse) {
    const params = url.searchParams;
    if (params.get('client_id') !== clientId || !params.get('redirect_uri') || !params.get('state')) {
      res.writeHead(400, { 'content-type': 'text/html' });
      res.end('<p>Invalid client_id, redirect_uri or state.</p>');
      return;
    }
    const approve = new URL(`${origin}${basePath}/oauth/v2/approve`);
    for (const name of ['redirect_uri', 'state', 'scope']) approve.searchParams.set(name, params.get(name) ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Fake Slack</title><h1>Waypoint is requesting permission to access ${escapeHtml(team.name)}</h1>
<p>Scopes: ${escapeHtml(params.get('scope') ?? '')}</p><a href="${escapeHtml(approve.toString())}" role="button">Allow</a>`);
  }

  function approveRedirect(url: URL): string {
    const code = `code-${randomBytes(8).toString('hex')}`;
    const redirectUri = url.searchParams.get('redirect_uri')!;
    codes.set(code, { redirectUri, scope: url.searchParams.get('scope') ?? '' });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', url.searchParams.get('state') ?? '');
    return back.toString();
  }

  function webApi(method: string, params: Record<string, string>, token: string | null): { status?: number; headers?: Record<string, string>; body: Record<string, unknown> } {
    calls.push({ method, params, token });
    const retryAfter = rateLimits.get(method);
    if (retryAfter !== undefined) {
      rateLimits.delete(method);
      return { status: 429, headers: { 'retry-after': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } };
    }
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return { body: { ok: false, error: failure } };
    }
    if (method === 'oauth.v2.access') {
      if (params.client_id !== clientId || params.client_secret !== clientSecret) return { body: { ok: false, error: 'invalid_client_id' } };
      if (params.grant_type === 'refresh_token') {
        if (!refreshTokens.has(params.refresh_token)) return { body: { ok: false, error: 'invalid_refresh_token' } };
        const accessToken = `xoxe.xoxb-${randomBytes(10).toString('hex')}`;
        tokens.add(accessToken);
        return { body: { ok: true, access_token: accessToken, token_type: 'bot', refresh_token: params.refresh_token, expires_in: 43_200, team } };
      }
      const grant = codes.get(params.code);
      if (!grant) return { body: { ok: false, error: 'invalid_code' } };
      codes.delete(params.code);
      if (params.redirect_uri !== grant.redirectUri) return { body: { ok: false, error: 'bad_redirect_uri' } };
      const accessToken = `xoxb-${randomBytes(10).toString('hex')}`;
      tokens.add(accessToken);
      return {
        body: { ok: true, access_token: accessToken, token_type: 'bot', scope: grant.scope, bot_user_id: 'U0BOT', app_id: 'A0WAYPOINT', team, enterprise: null, is_enterprise_install: false, authed_user: { id: 'U0ADMIN' } },
      };
    }
    if (!token || !tokens.has(token)) return { body: { ok: false, error: token && revoked.has(token) ? 'token_revoked' : 'invalid_auth' } };
    switch (method) {
      case 'auth.revoke':
        tokens.delete(token);
        revoked.add(token);
        return { body: { ok: true, revoked: true } };
      case 'conversations.list': {
        const types = (params.types ?? 'public_channel').split(',');
        const listed = channels.filter((c) => types.includes(c.is_private ? 'private_channel' : 'public_channel') && !(params.exclude_archived === 'true' && c.is_archived) && (!c.is_private || c.is_member));
        const limit = Math.max(1, Number(params.limit ?? 100));
        const start = params.cursor ? Number(Buffer.from(params.cursor, 'base64url').toString()) : 0;
        const page = listed.slice(start, start + limit);
        const next = start + limit < listed.length ? Buffer.from(String(start + limit)).toString('base64url') : '';
        return { body: { ok: true, channels: page.map((c) => ({ ...c, is_channel: !c.is_private, is_group: c.is_private, is_archived: Boolean(c.is_archived) })), response_metadata: { next_cursor: next } } };
      }
      case 'chat.postMessage': {
        const channel = channels.find((c) => c.id === params.channel);
        if (!channel || channel.is_archived) return { body: { ok: false, error: channel ? 'is_archived' : 'channel_not_found' } };
        if (channel.is_private && !channel.is_member) return { body: { ok: false, error: 'not_in_channel' } };
        const ts = `${Math.floor(Date.now() / 1000)}.${String(posted.length + 1).padStart(6, '0')}`;
        posted.push({ channel: channel.id, text: params.text ?? '', attachments: params.attachments ? JSON.parse(params.attachments) : [], blocks: params.blocks ? JSON.parse(params.blocks) : [], token, ts });
        return { body: { ok: true, channel: channel.id, ts, message: { text: params.text, ts } } };
      }
      case 'users.info': {
        const user = users.get(params.user);
        if (!user) return { body: { ok: false, error: 'user_not_found' } };
        return { body: { ok: true, user: { id: user.id, team_id: team.id, name: user.name, real_name: user.name, deleted: false, is_bot: false, profile: { real_name: user.name, ...(user.email ? { email: user.email } : {}) } } } };
      }
      default:
        return { body: { ok: false, error: 'unknown_method' } };
    }
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): boolean {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    if (req.method === 'GET' && url.pathname === `${basePath}/health`) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('fake slack');
      return true;
    }
    if (!url.pathname.startsWith(`${basePath}/`)) return false;
    const path = url.pathname.slice(basePath.length);
    if (req.method === 'GET' && path === '/oauth/v2/authorize') {
      consentPage(url, res);
      return true;
    }
    if (req.method === 'GET' && path === '/oauth/v2/approve') {
      res.writeHead(302, { location: approveRedirect(url) });
      res.end();
      return true;
    }
    const match = /^\/api\/([a-z0-9.]+)$/i.exec(path);
    if (req.method === 'POST' && match) {
      const params = Object.fromEntries(new URLSearchParams(body));
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? params.token ?? null;
      const answer = webApi(match[1], params, bearer);
      json(res, answer.status ?? 200, answer.body, answer.headers);
      return true;
    }
    return false;
  }

  return {
    clientId,
    clientSecret,
    signingSecret,
    team,
    channels,
    users,
    posted,
    calls,
    revoked,
    rateLimitNext: (method, seconds) => void rateLimits.set(method, seconds),
    failNext: (method, error) => void failures.set(method, error),
    async approve(authorizeUrl) {
      const response = await fetch(authorizeUrl);
      const page = await response.text();
      const href = /href="([^"]+)" role="button">Allow/.exec(page)?.[1];
      if (!href) throw new Error(`fake Slack: no Allow button (${response.status}): ${page.slice(0, 200)}`);
      const approved = await fetch(href.replace(/&#38;/g, '&'), { redirect: 'manual' });
      const location = approved.headers.get('location');
      if (!location) throw new Error('fake Slack: the approval did not redirect');
      return location;
    },
    handle,
    setOrigin: (value) => void (origin = value),
    origin: () => origin,
  };
}

/** A fake Slack on its own local port. */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = createFakeSlack(options);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (!fake.handle(req, res, Buffer.concat(chunks).toString('utf8'))) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.setOrigin(`http://127.0.0.1:${port}`);
  return {
    ...fake,
    url: `http://127.0.0.1:${port}${options.basePath ?? ''}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
