import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { AppError } from '../../lib/http/problem.ts';
import { signUp } from '../../lib/signup/sign-up.ts';
import { uniqueSlug } from '../support/factories.ts';

function input(overrides: Record<string, unknown> = {}) {
  const slug = uniqueSlug('s');
  return { name: 'Ada Lovelace', email: `${slug}@example.test`, password: 'analytical-engine', workspaceName: 'Ada Co', slug, ...overrides };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected sign-up to fail');
}

async function rowsFor(email: string, slug: string) {
  return { users: await db.user.count({ where: { email } }), tenants: await db.tenant.count({ where: { slug } }) };
}

describe('signUp', () => {
  it('creates the user, the workspace with branding, the owner membership, an audit entry and a hand-off link', async () => {
    const data = input();
    const result = await signUp(data, '203.0.113.9');
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: data.slug }, include: { branding: true, memberships: { include: { user: true } } } });
    expect(tenant.id).toBe(result.tenantId);
    expect(tenant.name).toBe('Ada Co');
    expect(tenant.status).toBe('trial');
    expect(tenant.branding).not.toBeNull();
    expect(tenant.memberships).toHaveLength(1);
    expect(tenant.memberships[0].role).toBe('owner');
    expect(tenant.memberships[0].user.email).toBe(data.email);
    expect(tenant.memberships[0].user.passwordHash).toMatch(/^scrypt\$/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id, action: 'tenant.created' } });
    expect(audit.actorId).toBe(result.userId);
    expect(audit.ip).toBe('203.0.113.9');
    const created = await db.domainEvent.findFirstOrThrow({ where: { tenantId: tenant.id, type: 'user.created' } });
    expect(created.payload).toEqual({ userId: result.userId, email: data.email, name: 'Ada Lovelace', role: 'owner' });
    expect(result.redirectTo).toMatch(new RegExp(`^http://${data.slug}\\.localhost:3100/auth/handoff\\?token=[A-Za-z0-9_-]{40,}$`));
  });

  it.each([
    ['taken', { slug: 'acme' }, 409, 'already taken'],
    ['reserved', { slug: 'www' }, 422, 'reserved'],
    ['malformed', { slug: 'Bad_Slug!' }, 422, 'lowercase'],
  ])('refuses a %s slug with a field error and writes nothing', async (_label, overrides, status, message) => {
    const data = input(overrides);
    const before = await db.tenant.count();
    const error = await failure(signUp(data, null));
    expect(error.status).toBe(status);
    expect(error.fields?.slug).toContain(message);
    expect(await db.user.count({ where: { email: data.email } })).toBe(0);
    expect(await db.tenant.count()).toBe(before);
  });

  it('refuses an invalid email and a short password with field errors and writes nothing', async () => {
    const data = input({ email: 'not-an-email', password: 'short' });
    const error = await failure(signUp(data, null));
    expect(error.status).toBe(422);
    expect(error.fields).toMatchObject({ email: expect.stringContaining('valid email'), password: expect.stringContaining('10 characters') });
    expect(await rowsFor('not-an-email', data.slug)).toEqual({ users: 0, tenants: 0 });
  });

  it('refuses garbage input without throwing anything but a 422', async () => {
    for (const garbage of [null, 42, 'text', [], { slug: { $ne: 1 } }]) {
      expect((await failure(signUp(garbage, null))).status).toBe(422);
    }
  });

  it('lets an existing user add a workspace with their own password, and refuses a wrong one', async () => {
    const first = input();
    await signUp(first, null);
    const second = input({ email: first.email, password: first.password });
    const result = await signUp(second, null);
    expect(await db.membership.count({ where: { userId: result.userId } })).toBe(2);
    expect(await db.user.count({ where: { email: first.email } })).toBe(1);

    const third = input({ email: first.email, password: 'not-the-password' });
    const error = await failure(signUp(third, null));
    expect(error.status).toBe(409);
    expect(error.fields?.email).toContain('already exists');
    expect(await db.tenant.count({ where: { slug: third.slug } })).toBe(0);
  });

  it('lets only one of two racing sign-ups for the same slug win', async () => {
    const slug = uniqueSlug('race');
    const results = await Promise.allSettled([signUp(input({ slug }), null), signUp(input({ slug }), null)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).status).toBe(409);
    expect(await db.tenant.count({ where: { slug } })).toBe(1);
  });
});
