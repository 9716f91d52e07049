import { createHash } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { ApiPrincipal } from '../../api-keys/verify-api-key.ts';
import { decryptSecret, encryptSecret } from '../../crypto/encrypt-secret.ts';
import { tenantDb, type TenantDb } from '../../db/tenant-db.ts';
import { AppError, validationFailed } from '../../http/problem.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { jsonTextResponse } from './json-response.ts';

// Idempotency-Key on POST: a retried request (same key, same method, path and raw body) gets
// the first answer again instead of creating a second resource.
//
// The unique index on (apiKeyId, key) decides who runs: a request first inserts a pending
// row, and only the one whose insert lands executes. A concurrent twin sees the pending row
// and gets 409 idempotency_key_in_progress (retry shortly, then it is a replay). Only
// successful answers are kept, for 24 hours; an error releases the key, so the same request
// can be retried as is. A pending row older than PENDING_STALE_MS belongs to a request that
// died mid-way and is taken over.
//
// An answer that carries a secret (a webhook endpoint's signing secret) is kept encrypted,
// like the secret itself: pass { secret: true }.

const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const KEEP_MS = 24 * 60 * 60 * 1000;
const PENDING_STALE_MS = 5 * 60 * 1000;
const PENDING = 0;
const CLAIM_ATTEMPTS = 3;
const ENCRYPTED = 'enc:';

interface Caller {
  tenant: TenantContext;
  principal: ApiPrincipal;
}

function requestHash(req: NextRequest, raw: Buffer): string {
  return createHash('sha256').update(`${req.method} ${req.nextUrl.pathname}\n`).update(raw).digest('hex');
}

/** Runs `execute` at most once per Idempotency-Key and request (without the header: always). */
export async function idempotent(req: NextRequest, { tenant, principal }: Caller, raw: Buffer, execute: () => Promise<Response>, options: { secret?: boolean } = {}): Promise<Response> {
  const key = req.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return execute();
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw validationFailed({ 'Idempotency-Key': 'Use 1 to 255 visible ASCII characters, e.g. a UUID.' }, 'The Idempotency-Key header is not valid.');
  }
  const hash = requestHash(req, raw);
  const scoped = tenantDb(tenant.id);
  const now = Date.now();
  const ours = { apiKeyId: principal.keyId, key };
  await scoped.idempotencyKey.deleteMany({
    where: { apiKeyId: principal.keyId, OR: [{ expiresAt: { lte: new Date(now) } }, { key, status: PENDING, createdAt: { lt: new Date(now - PENDING_STALE_MS) } }] },
  });

  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const [claimed] = await scoped.idempotencyKey.createManyAndReturn({
      data: [{ tenantId: tenant.id, ...ours, method: req.method, path: req.nextUrl.pathname, requestHash: hash, status: PENDING, body: '', createdAt: new Date(now), expiresAt: new Date(now + KEEP_MS) }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (claimed) return runClaimed(scoped, claimed.id, execute, options.secret === true);
    const existing = await scoped.idempotencyKey.findUnique({ where: { apiKeyId_key: ours }, select: { requestHash: true, status: true, body: true } });
    // Gone between our insert and this read: its request failed and released the key.
    if (!existing) continue;
    if (existing.requestHash !== hash) {
      throw new AppError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request (body, method or path) in the last 24 hours. Use a new key for a new request.');
    }
    if (existing.status === PENDING) {
      throw Object.assign(new AppError(409, 'idempotency_key_in_progress', 'A request with this Idempotency-Key is still being processed. Retry in a moment to get its answer.'), { retryAfterSeconds: 1 });
    }
    const body = existing.body.startsWith(ENCRYPTED) ? decryptSecret(existing.body.slice(ENCRYPTED.length)) : existing.body;
    return jsonTextResponse(body, { status: existing.status, headers: { 'idempotent-replayed': 'true' } });
  }
  throw Object.assign(new AppError(409, 'idempotency_key_in_progress', 'Requests with this Idempotency-Key keep failing concurrently. Retry in a moment.'), { retryAfterSeconds: 1 });
}

async function runClaimed(scoped: TenantDb, id: string, execute: () => Promise<Response>, secret: boolean): Promise<Response> {
  let response: Response;
  try {
    response = await execute();
  } catch (error) {
    await scoped.idempotencyKey.deleteMany({ where: { id } });
    throw error;
  }
  if (response.ok) {
    const text = await response.clone().text();
    await scoped.idempotencyKey.updateMany({ where: { id }, data: { status: response.status, body: secret ? ENCRYPTED + encryptSecret(text) : text } });
  }
  else await scoped.idempotencyKey.deleteMany({ where: { id } });
  return response;
}
