import { expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import { createApiKey } from '../../lib/api-keys/api-keys.ts';
import type { ApiKeyTier } from '../../lib/api-keys/api-key-schema.ts';
import type { Scope } from '../../lib/api-keys/scopes.ts';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import type { Role } from '../../lib/db/generated/enums.ts';
import { trustedHeaders } from './trusted.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf, createMember, createTenant, memberOf } from './factories.ts';

// Calls the /api/v1 route handlers in process, as Next would after proxy.ts: a request on a
// workspace's host carries that workspace's id in the trusted tenant header.

export type V1Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

export interface V1Answer {
  status: number;
  headers: Headers;
  text: string;
  // Parsed JSON bodies are read loosely in tests; their shapes are checked against the schemas.
  body: Record<string, unknown> & { data?: Record<string, unknown>[]; next_cursor?: string | null; code?: string; detail?: string; errors?: Record<string, string> };
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The Authorization header as is; `secret` makes a Bearer one. */
  authorization?: string | null;
  secret?: string;
  /** The tenant whose host the request arrives on; null: the root domain. */
  hostTenantId?: string | null;
  /** The client's address as Waypoint's server determined it. */
  clientIp?: string;
  /** A JSON body, or a string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export async function callV1<P extends Record<string, string | string[]>>(handler: V1Handler<P>, path: string, params: P, options: CallOptions = {}): Promise<V1Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const authorization = options.authorization !== undefined ? options.authorization : options.secret ? `Bearer ${options.secret}` : null;
  if (authorization !== null) headers.authorization = authorization;
  Object.assign(headers, trustedHeaders({ tenantId: options.hostTenantId, clientIp: options.clientIp }));
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const req = new NextRequest(`http://api.localhost:3100${path}`, { method: options.method ?? 'GET', headers, body });
  const response = await handler(req, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : {} };
}

export interface ApiWorkspace {
  tenant: TenantContext;
  member: Member;
  /** A key with every scope a member can have, on the enterprise tier (so tests do not hit the limits). */
  secret: string;
  keyId: string;
  /** callV1 on this workspace's host with its key, unless the options say otherwise. */
  call<P extends Record<string, string | string[]>>(handler: V1Handler<P>, path: string, params: P, options?: CallOptions): Promise<V1Answer>;
  newKey(options?: { scopes?: Scope[]; tier?: ApiKeyTier; ipAllowlist?: string[] }): Promise<{ secret: string; keyId: string }>;
}

export const MEMBER_SCOPES: Scope[] = ['read:users', 'read:goals', 'read:habits', 'read:analytics', 'write:goals', 'write:habits'];

export async function apiWorkspace(role: Role = 'member'): Promise<ApiWorkspace> {
  const row = await createTenant();
  await db.tenant.update({ where: { id: row.id }, data: { plan: 'enterprise' } });
  const tenant = await contextOf(row.id);
  const member = await memberOf(row.id, (await createMember(row.id, role)).id);
  const newKey: ApiWorkspace['newKey'] = async (options = {}) => {
    const { key, secret } = await createApiKey(tenant, member, { name: 'test key', scopes: options.scopes ?? MEMBER_SCOPES, tier: options.tier ?? 'enterprise', ipAllowlist: options.ipAllowlist ?? [] });
    return { secret, keyId: key.id };
  };
  const { secret, keyId } = await newKey();
  return {
    tenant,
    member,
    secret,
    keyId,
    newKey,
    call: (handler, path, params, options = {}) => callV1(handler, path, params, { secret, hostTenantId: tenant.id, ...options }),
  };
}

/** Looks like a key, belongs to nobody. */
export function unknownSecret(): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return `wp_live_${[...randomBytes(43)].map((byte) => alphabet[byte % 62]).join('')}`;
}

// Shared by the api-v1-*.test.ts files.

export function expectProblem(answer: V1Answer, status: number, code: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.body).toMatchObject({ status, code });
  expect(typeof answer.body.detail).toBe('string');
}

export const ids = (answer: V1Answer) => (answer.body.data ?? []).map((item) => item.id as string);
export const goalPath = (id: string) => `/api/v1/goals/${id}`;
export const habitPath = (id: string) => `/api/v1/habits/${id}`;
export const logsPath = (id: string) => `/api/v1/habits/${id}/logs`;
export const OVER_ONE_MB = JSON.stringify({ title: 'x'.repeat(1024 * 1024) });

/** Follows next_cursor from the first page to the last; the ids of every page, in order. */
export async function walk(ws: ApiWorkspace, handler: V1Handler<{ id: string }>, path: string, query: string, params: { id: string } = { id: '' }): Promise<{ pages: string[][]; keys: string[] }> {
  const pages: string[][] = [];
  const keys: string[] = [];
  let cursor: string | null = null;
  do {
    const answer: V1Answer = await ws.call(handler, `${path}?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, params);
    expect(answer.status, answer.text).toBe(200);
    const page = (answer.body.data ?? []).map((item) => String(item.id ?? item.date));
    pages.push(page);
    keys.push(...page);
    cursor = answer.body.next_cursor ?? null;
  } while (cursor && pages.length < 50);
  return { pages, keys };
}
