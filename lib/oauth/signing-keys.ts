import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { decryptSecret, encryptSecret } from '../crypto/encrypt-secret.ts';
import { db } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import { ID_TOKEN_LIFETIME } from './token-lifetimes.ts';

// Each workspace (each authorization server) signs its ID tokens with its own keys, kept in the
// database with the private half encrypted. A key is made on first use; rotating retires the
// signing key (a new one signs from then on) but keeps it in the JWKS until every ID token it
// signed has expired, after which it is deleted.

export const ID_TOKEN_ALG = 'RS256';
/** How long a key signs before the daily job (oidc.rotate_keys) replaces it. */
export const SIGNING_KEY_LIFETIME_DAYS = 90;

export interface SigningKey {
  kid: string;
  alg: string;
  key: CryptoKey | Uint8Array;
}

/** One key change at a time per workspace, so concurrent first uses make a single key. */
function lockKeys(tx: Prisma.TransactionClient, tenantId: string) {
  return tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`oidc-keys:${tenantId}`}))`;
}

async function createKey(tx: Prisma.TransactionClient, tenantId: string) {
  const { publicKey, privateKey } = await generateKeyPair(ID_TOKEN_ALG, { extractable: true });
  const kid = randomBytes(16).toString('base64url');
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: ID_TOKEN_ALG, use: 'sig' };
  return tx.oidcSigningKey.create({
    data: { id: kid, tenantId, alg: ID_TOKEN_ALG, publicJwk: publicJwk as Prisma.InputJsonObject, privateJwkEncrypted: encryptSecret(JSON.stringify(await exportJWK(privateKey))) },
  });
}

const current = (tx: Prisma.TransactionClient, tenantId: string) => tx.oidcSigningKey.findFirst({ where: { tenantId, retiredAt: null }, orderBy: { createdAt: 'desc' } });

/** The key that signs the workspace's ID tokens now, made on first use. */
export async function activeSigningKey(tenantId: string): Promise<SigningKey> {
  const row =
    (await current(db, tenantId)) ??
    (await db.$transaction(async (tx) => {
      await lockKeys(tx, tenantId);
      return (await current(tx, tenantId)) ?? createKey(tx, tenantId);
    }));
  return { kid: row.id, alg: row.alg, key: await importJWK(JSON.parse(decryptSecret(row.privateJwkEncrypted)) as JWK, row.alg) };
}

/** A new signing key for the workspace; keys retired long enough ago that nothing they signed is valid are deleted. */
export async function rotateSigningKey(tenantId: string, now = new Date()): Promise<string> {
  return db.$transaction(async (tx) => {
    await lockKeys(tx, tenantId);
    await tx.oidcSigningKey.deleteMany({ where: { tenantId, retiredAt: { lte: new Date(now.getTime() - ID_TOKEN_LIFETIME * 1000) } } });
    await tx.oidcSigningKey.updateMany({ where: { tenantId, retiredAt: null }, data: { retiredAt: now } });
    return (await createKey(tx, tenantId)).id;
  });
}

/** Rotates every workspace's signing key older than SIGNING_KEY_LIFETIME_DAYS; returns how many. */
export async function rotateDueSigningKeys(now = new Date()): Promise<number> {
  const due = await db.oidcSigningKey.findMany({
    where: { retiredAt: null, createdAt: { lte: new Date(now.getTime() - SIGNING_KEY_LIFETIME_DAYS * 86_400_000) } },
    distinct: ['tenantId'],
    select: { tenantId: true },
  });
  for (const { tenantId } of due) await rotateSigningKey(tenantId, now);
  return due.length;
}

/** The JWKS: the signing key (made if needed) and retired keys whose ID tokens may still be valid. */
export async function publishedKeys(tenantId: string, now = new Date()): Promise<{ keys: JWK[] }> {
  await activeSigningKey(tenantId);
  const rows = await db.oidcSigningKey.findMany({
    where: { tenantId, OR: [{ retiredAt: null }, { retiredAt: { gt: new Date(now.getTime() - ID_TOKEN_LIFETIME * 1000) } }] },
    orderBy: { createdAt: 'desc' },
    select: { publicJwk: true },
  });
  return { keys: rows.map((row) => row.publicJwk as JWK) };
}
