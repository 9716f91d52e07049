import { expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import * as scimRoute from '../../app/api/scim/v2.0/[directoryId]/[...path]/route.ts';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { createDirectory } from '../../lib/scim/directories.ts';
import type { ScimProvider } from '../../lib/scim/directory-schema.ts';
import { trustedHeaders } from './trusted.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { memberIn, workspace } from './workspace.ts';

// Calls the SCIM route handler in process, as Next would after proxy.ts: on a workspace's host
// the request carries that workspace's id in the trusted tenant header; on the root domain none.

export type ScimVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ScimAnswer {
  status: number;
  headers: Headers;
  text: string;
  // SCIM bodies are read loosely in tests.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface ScimCallOptions {
  token?: string | null;
  /** The Authorization header as is (overrides token). */
  authorization?: string;
  /** The tenant whose host the request arrives on; null: the root domain. */
  hostTenantId?: string | null;
  /** A JSON body, or a string sent as is. */
  body?: unknown;
  contentType?: string | null;
  /** More request headers (If-Match, If-None-Match…). */
  headers?: Record<string, string>;
}

export async function callScim(directoryId: string, method: ScimVerb, pathAndQuery: string, options: ScimCallOptions = {}): Promise<ScimAnswer> {
  const headers: Record<string, string> = {};
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  else if (options.token) headers.authorization = `Bearer ${options.token}`;
  Object.assign(headers, trustedHeaders({ tenantId: options.hostTenantId }), options.headers);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/scim+json; charset=utf-8';
  }
  const url = `http://api.localhost:3100/api/scim/v2.0/${encodeURIComponent(directoryId)}${pathAndQuery}`;
  const path = pathAndQuery.split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
  const req = new NextRequest(url, { method, headers, body });
  const handler = scimRoute[method];
  const response = await handler(req, { params: Promise.resolve({ directoryId, path }) });
  const text = await response.text();
  let parsed: unknown = {};
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { unparsable: text };
    }
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** A SCIM error answer: the Error schema, the status as a string, a detail. */
export function expectScimError(answer: ScimAnswer, status: number, scimType?: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  expect(answer.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  expect(answer.body.status).toBe(String(status));
  expect(typeof answer.body.detail).toBe('string');
  if (scimType) expect(answer.body.scimType).toBe(scimType);
}

export function expectOk(answer: ScimAnswer, status = 200): void {
  expect(answer.status, answer.text).toBe(status);
  if (status !== 204) expect(answer.headers.get('content-type')).toMatch(/^application\/scim\+json/);
}

export interface ScimWorkspace {
  tenant: TenantContext;
  admin: Member;
  /** A verified SSO domain of the workspace, e.g. "acme-1a2b3c.test". */
  domain: string;
  directoryId: string;
  token: string;
  /** callScim on the workspace's host with the directory's token, unless the options say otherwise. */
  scim(method: ScimVerb, pathAndQuery: string, body?: unknown, options?: ScimCallOptions): Promise<ScimAnswer>;
  email(local: string): string;
}

export async function verifyDomain(tenantId: string, domain: string, verified = true): Promise<void> {
  await db.ssoDomain.create({ data: { tenantId, domain, verificationToken: randomBytes(8).toString('hex'), verifiedAt: verified ? new Date() : null } });
}

/** A workspace on a plan with directory sync ('scim': enterprise, lib/scim/scim-plan.ts). */
export async function enterpriseWorkspace(): Promise<TenantContext> {
  const tenant = await workspace();
  await db.tenant.update({ where: { id: tenant.id }, data: { plan: 'enterprise' } });
  return { ...tenant, plan: 'enterprise' };
}

/** An enterprise workspace with an owner, a verified SSO domain and one directory. */
export async function scimWorkspace(provider: ScimProvider = 'generic'): Promise<ScimWorkspace> {
  const tenant = await enterpriseWorkspace();
  const admin = await memberIn(tenant, 'owner');
  const domain = `corp-${randomBytes(4).toString('hex')}.test`;
  await verifyDomain(tenant.id, domain);
  const { directory, token } = await createDirectory(tenant, admin, { name: `${provider} directory`, provider });
  return {
    tenant,
    admin,
    domain,
    directoryId: directory.id,
    token,
    scim: (method, pathAndQuery, body, options = {}) => callScim(directory.id, method, pathAndQuery, { token, hostTenantId: tenant.id, body, ...options }),
    email: (local) => `${local}@${domain}`,
  };
}

/** The person's membership in the workspace (null: not a member), by email. */
export async function membershipOf(tenantId: string, email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return null;
  return db.membership.findUnique({ where: { tenantId_userId: { tenantId, userId: user.id } }, select: { id: true, role: true, userId: true } });
}

/** Emails of the members of a team. */
export async function teamEmails(teamId: string): Promise<string[]> {
  const rows = await db.teamMember.findMany({ where: { teamId }, select: { user: { select: { email: true } } } });
  return rows.map((row) => row.user.email).sort();
}

export async function eventTypes(tenantId: string): Promise<string[]> {
  const rows = await db.domainEvent.findMany({ where: { tenantId }, orderBy: { occurredAt: 'asc' }, select: { type: true } });
  return rows.map((row) => row.type);
}

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
