import { describe, expect, it } from 'vitest';
import { consumeLoginToken, hashToken, issueLoginToken } from '../../lib/auth/login-token.ts';
import { db } from '../../lib/db/client.ts';
import { createMember, createTenant } from '../support/factories.ts';

describe('sign-up hand-off tokens', () => {
  it('are stored hashed, work once, and only on their own tenant', async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const user = await createMember(tenant.id, 'owner');
    const token = await issueLoginToken(db, user.id, tenant.id, 'signup');
    expect(await db.loginToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.loginToken.count({ where: { tokenHash: hashToken(token) } })).toBe(1);

    expect(await consumeLoginToken(token, other.id)).toBeNull();
    expect(await consumeLoginToken(token, tenant.id)).toEqual({ userId: user.id, method: 'signup' });
    expect(await consumeLoginToken(token, tenant.id)).toBeNull();
  });

  it('expire', async () => {
    const tenant = await createTenant();
    const user = await createMember(tenant.id, 'owner');
    const token = await issueLoginToken(db, user.id, tenant.id, 'signup');
    await db.loginToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await consumeLoginToken(token, tenant.id)).toBeNull();
  });

  it('cannot be spent twice by concurrent requests', async () => {
    const tenant = await createTenant();
    const user = await createMember(tenant.id, 'owner');
    const token = await issueLoginToken(db, user.id, tenant.id, 'signup');
    const results = await Promise.all(Array.from({ length: 5 }, () => consumeLoginToken(token, tenant.id)));
    expect(results.filter(Boolean)).toEqual([{ userId: user.id, method: 'signup' }]);
  });

  it('ignores malformed tokens', async () => {
    const tenant = await createTenant();
    expect(await consumeLoginToken('', tenant.id)).toBeNull();
    expect(await consumeLoginToken("'; DROP TABLE \"User\"; --", tenant.id)).toBeNull();
  });
});
