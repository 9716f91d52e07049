import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireFeature } from '../billing/entitlements.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { tooManyRequests } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { displayParts, generateApiKeySecret, hashApiKey, newApiKeyId } from './generate-api-key.ts';
import { SCOPES_FOR_ROLE, type Scope } from './scopes.ts';

// "Try it" in the API docs must work for a signed-in member without pasting a key. The API
// does not accept the session cookie (its routes take bearer credentials only, so a page on
// another site cannot make a signed-in browser call it), so the docs ask for a key of their
// own: read-only, within the member's role, gone after an hour, and recorded in the audit log.

export const DOCS_KEY_NAME = 'API docs (temporary)';
export const DOCS_KEY_LIFETIME_MS = 60 * 60 * 1000;
/** Keys one member may mint per rolling hour; a tab reuses its key until it nears expiry. */
export const DOCS_KEYS_PER_HOUR = 10;

const READ_SCOPES: Scope[] = ['read:users', 'read:goals', 'read:habits', 'read:analytics'];

export interface DocsTryItKey {
  id: string;
  secret: string;
  scopes: Scope[];
  expiresAt: string;
}

export async function mintDocsTryItKey(tenant: TenantContext, member: Member, ip: string | null = null, now = new Date()): Promise<DocsTryItKey> {
  await requireFeature(tenant, 'api');
  const allowed = new Set(SCOPES_FOR_ROLE[member.role]);
  const scopes = READ_SCOPES.filter((scope) => allowed.has(scope));
  const db = tenantDb(tenant.id);
  const since = new Date(now.getTime() - DOCS_KEY_LIFETIME_MS);
  const recent = await db.apiKey.findMany({
    where: { createdById: member.userId, temporary: true, createdAt: { gt: since } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
    take: DOCS_KEYS_PER_HOUR,
  });
  if (recent.length >= DOCS_KEYS_PER_HOUR) {
    const retryAfter = Math.max(1, Math.ceil((recent[0].createdAt.getTime() + DOCS_KEY_LIFETIME_MS - now.getTime()) / 1000));
    throw tooManyRequests(`You made ${DOCS_KEYS_PER_HOUR} temporary docs keys in the last hour. Try again later, or paste one of your own keys.`, retryAfter);
  }
  const secret = generateApiKeySecret();
  const expiresAt = new Date(now.getTime() + DOCS_KEY_LIFETIME_MS);
  const id = newApiKeyId();
  await db.$transaction(async (tx) => {
    await tx.apiKey.create({
      data: {
        id,
        tenantId: tenant.id,
        createdById: member.userId,
        name: DOCS_KEY_NAME,
        scopes,
        tier: 'free',
        temporary: true,
        ...displayParts(secret),
        hash: hashApiKey(secret),
        expiresAt,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: member.userId, email: member.email },
      action: 'api_key.created',
      target: { type: 'api_key', id },
      ip,
      metadata: { name: DOCS_KEY_NAME, scopes, tier: 'free', temporary: true, expiresAt: expiresAt.toISOString() },
    });
  });
  return { id, secret, scopes, expiresAt: expiresAt.toISOString() };
}
