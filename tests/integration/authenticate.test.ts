import { beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../lib/auth/authenticate.ts';
import { TwoFactorRequiredError } from '../../lib/auth/second-factor.ts';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from '../../lib/auth/throttle.ts';
import { db } from '../../lib/db/client.ts';
import { AppError } from '../../lib/http/problem.ts';
import { DEMO_OPERATOR, DEMO_PASSWORD } from '../../lib/seed/demo-data.ts';
import { TEST_PASSWORD, createMember, createTenant } from '../support/factories.ts';
import { addRecoveryCode } from '../support/staff-two-factor.ts';

let tenantA: { id: string };
let tenantB: { id: string };
let member: { id: string; email: string };

beforeAll(async () => {
  tenantA = await createTenant();
  tenantB = await createTenant();
  member = await createMember(tenantA.id, 'member');
});

function ip() {
  return `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`;
}

describe('authenticate', () => {
  it('signs in a member of the tenant, case-insensitively by email', async () => {
    const user = await authenticate({ email: member.email.toUpperCase(), password: TEST_PASSWORD }, tenantA.id, ip());
    expect(user?.id).toBe(member.id);
  });

  it('refuses a wrong password, and a user who is not a member of this tenant', async () => {
    expect(await authenticate({ email: member.email, password: 'wrong-password' }, tenantA.id, ip())).toBeNull();
    expect(await authenticate({ email: member.email, password: TEST_PASSWORD }, tenantB.id, ip())).toBeNull();
    expect(await authenticate({ email: 'nobody@example.test', password: TEST_PASSWORD }, tenantA.id, ip())).toBeNull();
    expect(await authenticate({ email: 42, password: [] }, tenantA.id, ip())).toBeNull();
  });

  it('lets only platform operators sign in on the root domain', async () => {
    expect(await authenticate({ email: member.email, password: TEST_PASSWORD }, null, ip())).toBeNull();
    // Staff have 2FA on (the console requires it): the password alone asks for the code.
    await expect(authenticate({ email: DEMO_OPERATOR.email, password: DEMO_PASSWORD }, null, ip())).rejects.toBeInstanceOf(TwoFactorRequiredError);
    const { id } = await db.user.findUniqueOrThrow({ where: { email: DEMO_OPERATOR.email } });
    const operator = await authenticate({ email: DEMO_OPERATOR.email, password: DEMO_PASSWORD, code: await addRecoveryCode(id) }, null, ip());
    expect(operator?.email).toBe(DEMO_OPERATOR.email);
  });

  it('throttles an account after repeated failures, even with the right password, and only on that tenant', async () => {
    const victim = await createMember(tenantA.id, 'member');
    await db.membership.create({ data: { tenantId: tenantB.id, userId: victim.id, role: 'member' } });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await authenticate({ email: victim.email, password: `guess-${i}` }, tenantA.id, ip())).toBeNull();
    }
    const error = await authenticate({ email: victim.email, password: TEST_PASSWORD }, tenantA.id, ip()).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    expect((error as AppError).message).toMatch(/Too many failed sign-in attempts/);
    expect((await authenticate({ email: victim.email, password: TEST_PASSWORD }, tenantB.id, ip()))?.id).toBe(victim.id);
  });

  it('throttles one IP that tries many accounts', async () => {
    const attacker = ip();
    let throttled = false;
    for (let i = 0; i < 40 && !throttled; i++) {
      try {
        await authenticate({ email: `spray-${i}@example.test`, password: 'guess' }, tenantA.id, attacker);
      } catch (error) {
        throttled = (error as AppError).status === 429;
      }
    }
    expect(throttled).toBe(true);
  });

  it('keeps no shared bucket for callers whose IP is unknown: one of them cannot lock out the others', async () => {
    // Before, every caller without X-Forwarded-For counted as "unknown": 30 failures locked everyone out.
    for (let i = 0; i <= MAX_FAILURES_PER_IP; i++) expect(await authenticate({ email: `unknown-${i}@example.test`, password: 'guess' }, tenantA.id, null)).toBeNull();
    expect((await authenticate({ email: member.email, password: TEST_PASSWORD }, tenantA.id, null))?.id).toBe(member.id);
  });
});
