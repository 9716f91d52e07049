import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authenticate } from '../../lib/auth/authenticate.ts';
import { db } from '../../lib/db/client.ts';
import { agreementState, assertAgreementCurrent, CURRENT_AGREEMENT } from '../../lib/partners/agreement.ts';
import { acceptPartnerInvitation, invitePartnerUser, listPartnerUsers, lookupPartnerInvitation, removePartnerUser, revokePartnerInvitation, setPartnerUserRole } from '../../lib/partners/partner-users.ts';
import { acceptPartnerAgreement, applyForPartnership, decidePartner, getPartnerOverview, listPartnersForOperator, updatePartnerProfile } from '../../lib/partners/partners.ts';
import { ensurePartnerSandbox } from '../../lib/partners/sandbox.ts';
import { createMember, createTenant, TEST_PASSWORD } from '../support/factories.ts';
import { createPartner, createPartnerUser, partnerActorOf, partnerLinkToken } from '../support/partners.ts';
import { operator } from '../support/resellers.ts';
import { failure } from '../support/workspace.ts';

const PASSWORD = 'partner-password-1';

function application(overrides: Record<string, unknown> = {}) {
  const id = randomBytes(4).toString('hex');
  return {
    companyName: `Orbit Apps ${id}`,
    website: 'https://orbit.example.com',
    contactName: 'Olive Orbit',
    email: `olive-${id}@orbit.test`,
    note: 'We sync Waypoint habits with wearable step counters.',
    ...overrides,
  };
}

async function lastEmail(to: string, kind: string) {
  return db.emailMessage.findFirstOrThrow({ where: { to, kind }, orderBy: { createdAt: 'desc' } });
}

async function audits(partnerId: string) {
  return db.platformAuditLog.findMany({ where: { targetType: 'partner', targetId: partnerId }, orderBy: { createdAt: 'asc' } });
}

describe('the partner application', () => {
  it('records the application, emails a link that makes the applicant its first owner, and lets them sign in on the root domain', async () => {
    const form = application();
    const answer = await applyForPartnership(form, '203.0.113.7');
    expect(answer.status).toBe('received');
    const partner = await db.partner.findUniqueOrThrow({ where: { id: answer.partnerId } });
    expect(partner).toMatchObject({ name: form.companyName, status: 'applied', website: form.website, supportEmail: form.email, applicationNote: form.note });
    expect(partner.slug).toMatch(/^orbit-apps-/);
    expect((await audits(partner.id)).map((a) => [a.action, a.ip])).toEqual([['partner.applied', '203.0.113.7']]);

    const token = await partnerLinkToken(form.email, 'partner_application');
    expect(await lookupPartnerInvitation(token)).toEqual({ partnerName: form.companyName, email: form.email, role: 'owner', existingAccount: false });
    expect((await failure(acceptPartnerInvitation(token, { name: 'Olive', password: 'short' }, null))).fields).toMatchObject({ password: expect.any(String) });
    const { userId } = await acceptPartnerInvitation(token, { name: 'Olive Orbit', password: PASSWORD }, null);
    const actor = await partnerActorOf(userId);
    expect(actor).toMatchObject({ role: 'owner', partnerId: partner.id, partner: { status: 'applied' } });
    expect(await authenticate({ email: form.email, password: PASSWORD }, null, null)).toMatchObject({ id: userId });
    // The link works once.
    expect((await failure(acceptPartnerInvitation(token, { name: 'Again', password: PASSWORD }, null))).status).toBe(410);
    // No sandbox before approval.
    expect(await db.tenant.findUnique({ where: { sandboxOfPartnerId: partner.id } })).toBeNull();
    expect((await getPartnerOverview(actor)).sandbox).toBeNull();
  });

  it('answers the same for an address that has an account, whose link then asks for that password', async () => {
    const tenant = await createTenant();
    const existing = await createMember(tenant.id, 'owner');
    const form = application({ email: existing.email });
    const answer = await applyForPartnership(form, null);
    const fresh = await applyForPartnership(application(), null);
    expect(answer.message).toBe(fresh.message);
    const token = await partnerLinkToken(existing.email, 'partner_application');
    expect(await lookupPartnerInvitation(token)).toMatchObject({ existingAccount: true, role: 'owner' });
    expect((await failure(acceptPartnerInvitation(token, { name: 'Someone else', password: 'guessing-password' }, null))).fields).toMatchObject({ password: expect.any(String) });
    const { userId } = await acceptPartnerInvitation(token, { password: TEST_PASSWORD }, null);
    expect(userId).toBe(existing.id);
    expect(await partnerActorOf(existing.id)).toMatchObject({ role: 'owner', partnerId: answer.partnerId });
    // Their password and workspace membership stay as they were.
    expect(await authenticate({ email: existing.email, password: TEST_PASSWORD }, tenant.id, null)).toMatchObject({ id: existing.id });
  });

  it('answers field errors for bad input, never a crash', async () => {
    const error = await failure(applyForPartnership({ companyName: 'x', website: 'ftp://nope', contactName: '', email: 'not-an-email', note: 'short' }, null));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['companyName', 'contactName', 'email', 'note', 'website']);
    expect((await failure(applyForPartnership(null, null))).status).toBe(422);
    expect((await failure(applyForPartnership({ ...application(), website: 'http://example.com' }, null))).fields).toMatchObject({ website: expect.any(String) });
  });

  it('throttles applications per address', async () => {
    const email = `spam-${randomBytes(4).toString('hex')}@orbit.test`;
    for (let i = 0; i < 3; i += 1) await applyForPartnership(application({ email }), null);
    expect((await failure(applyForPartnership(application({ email }), null))).status).toBe(429);
  });
});

describe("the operator's decisions", () => {
  it('approves: active, a sandbox workspace with demo data where owners and developers are members, an email and an audit entry', async () => {
    const op = await operator();
    const form = application();
    const { partnerId } = await applyForPartnership(form, null);
    const { userId } = await acceptPartnerInvitation(await partnerLinkToken(form.email), { name: 'Olive', password: PASSWORD }, null);
    const decided = await decidePartner(op, partnerId, { action: 'approve' }, '198.51.100.1');
    expect(decided.status).toBe('active');
    expect(decided.sandbox?.slug).toMatch(/-sandbox/);
    const sandbox = await db.tenant.findUniqueOrThrow({ where: { sandboxOfPartnerId: partnerId } });
    expect(sandbox).toMatchObject({ status: 'active', plan: 'enterprise', slug: decided.sandbox!.slug });
    expect(await db.membership.findUnique({ where: { tenantId_userId: { tenantId: sandbox.id, userId } } })).toMatchObject({ role: 'owner' });
    expect(await db.goal.count({ where: { tenantId: sandbox.id } })).toBeGreaterThan(0);
    expect(await db.habit.count({ where: { tenantId: sandbox.id } })).toBeGreaterThan(0);
    // The owner signs in on the sandbox's host with the same password.
    expect(await authenticate({ email: form.email, password: PASSWORD }, sandbox.id, null)).toMatchObject({ id: userId });
    const email = await lastEmail(form.email, 'partner_approved');
    expect(email.text).toContain('/partner/signin');
    const log = await audits(partnerId);
    expect(log.at(-1)).toMatchObject({ action: 'partner.approved', actorId: op.userId, actorEmail: op.email, ip: '198.51.100.1' });
    // Decided once: approving again is a conflict, and so is rejecting.
    expect((await failure(decidePartner(op, partnerId, { action: 'approve' }))).code).toBe('partner_application_decided');
    expect((await failure(decidePartner(op, partnerId, { action: 'reject', reason: 'Too late now' }))).status).toBe(409);
    // The sandbox is made once.
    expect((await ensurePartnerSandbox(partnerId)).id).toBe(sandbox.id);
  });

  it('approving before the applicant confirmed sends a fresh set-up link to the address that applied', async () => {
    const op = await operator();
    const form = application();
    const { partnerId } = await applyForPartnership(form, null);
    await decidePartner(op, partnerId, { action: 'approve', reason: 'Welcome aboard' });
    const email = await lastEmail(form.email, 'partner_approved');
    expect(email.text).toContain('Reason: Welcome aboard');
    const token = await partnerLinkToken(form.email, 'partner_approved');
    const { userId } = await acceptPartnerInvitation(token, { name: 'Late Olive', password: PASSWORD }, null);
    const sandbox = await db.tenant.findUniqueOrThrow({ where: { sandboxOfPartnerId: partnerId } });
    expect(await db.membership.findUnique({ where: { tenantId_userId: { tenantId: sandbox.id, userId } } })).toMatchObject({ role: 'owner' });
    expect(await db.goal.count({ where: { tenantId: sandbox.id } })).toBeGreaterThan(0);
  });

  it('rejects only with a reason, which the applicant gets by email; the application link stops working', async () => {
    const op = await operator();
    const form = application();
    const { partnerId } = await applyForPartnership(form, null);
    const token = await partnerLinkToken(form.email);
    const missing = await failure(decidePartner(op, partnerId, { action: 'reject' }));
    expect(missing.status).toBe(422);
    expect(missing.fields).toMatchObject({ reason: expect.any(String) });
    expect((await failure(decidePartner(op, partnerId, { action: 'reject', reason: '   ' }))).status).toBe(422);
    const decided = await decidePartner(op, partnerId, { action: 'reject', reason: 'We only accept fitness integrations right now.' });
    expect(decided).toMatchObject({ status: 'rejected', statusReason: 'We only accept fitness integrations right now.', sandbox: null });
    const email = await lastEmail(form.email, 'partner_rejected');
    expect(email.subject).toContain(form.companyName);
    expect(email.text).toContain('Reason: We only accept fitness integrations right now.');
    expect(await lookupPartnerInvitation(token)).toBeNull();
    expect((await audits(partnerId)).at(-1)).toMatchObject({ action: 'partner.rejected', reason: 'We only accept fitness integrations right now.' });
    expect((await failure(decidePartner(op, partnerId, { action: 'approve' }))).status).toBe(409);
  });

  it('suspends with a reason and reinstates; unknown partners and actions are 404 and 422', async () => {
    const op = await operator();
    const partner = await createPartner();
    expect((await failure(decidePartner(op, partner.id, { action: 'suspend' }))).status).toBe(422);
    await decidePartner(op, partner.id, { action: 'suspend', reason: 'Unpaid security review findings.' });
    expect(await lastEmail(partner.actor.email, 'partner_suspended')).toMatchObject({ text: expect.stringContaining('Reason: Unpaid security review findings.') });
    expect((await partnerActorOf(partner.actor.userId)).partner.status).toBe('suspended');
    await decidePartner(op, partner.id, { action: 'reinstate' });
    expect(await lastEmail(partner.actor.email, 'partner_reinstated')).toBeTruthy();
    expect((await partnerActorOf(partner.actor.userId)).partner.status).toBe('active');
    expect((await failure(decidePartner(op, 'c0000000000000000000000000', { action: 'approve' }))).status).toBe(404);
    expect((await failure(decidePartner(op, partner.id, { action: 'delete' }))).status).toBe(422);
    expect((await failure(decidePartner(op, partner.id, 'approve'))).status).toBe(422);
  });

  it("lists applications first (oldest first) with the applicant's address, then the rest", async () => {
    const form = application();
    const { partnerId } = await applyForPartnership(form, null);
    const rows = await listPartnersForOperator();
    const applied = rows.filter((row) => row.status === 'applied');
    expect(rows.slice(0, applied.length).every((row) => row.status === 'applied')).toBe(true);
    expect(rows.find((row) => row.id === partnerId)).toMatchObject({ pendingContact: form.email, owners: [] });
    expect((await listPartnersForOperator('rejected')).every((row) => row.status === 'rejected')).toBe(true);
  });
});

describe('profile and agreement', () => {
  it('owners edit the profile (validated, audited); developers and billing contacts cannot', async () => {
    const partner = await createPartner();
    const updated = await updatePartnerProfile(partner.actor, { name: 'Northwind Apps', website: 'https://northwind-apps.example.com', supportEmail: 'help@northwind-apps.test', privacyPolicyUrl: 'https://northwind-apps.example.com/privacy' });
    expect(updated).toMatchObject({ name: 'Northwind Apps', supportEmail: 'help@northwind-apps.test' });
    const bad = await failure(updatePartnerProfile(partner.actor, { website: 'javascript:alert(1)', supportEmail: 'nope', privacyPolicyUrl: 'http://example.com' }));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['privacyPolicyUrl', 'supportEmail', 'website']);
    expect((await failure(updatePartnerProfile(partner.actor, { unknown: 1 }))).status).toBe(422);
    expect((await failure(updatePartnerProfile(partner.actor, {}))).status).toBe(422);
    const developer = await partnerActorOf((await createPartnerUser(partner.id, 'developer')).id);
    expect((await failure(updatePartnerProfile(developer, { name: 'Mine now' }))).status).toBe(403);
    expect((await audits(partner.id)).map((a) => a.action)).toEqual(['partner.profile_updated']);
  });

  it('an owner accepts the current agreement by version; an older version must be accepted again', async () => {
    const partner = await createPartner();
    expect(agreementState(partner.actor.partner)).toBe('never');
    expect(() => assertAgreementCurrent(partner.actor.partner)).toThrow(expect.objectContaining({ code: 'partner_agreement_required', status: 403 }));
    expect((await failure(acceptPartnerAgreement(partner.actor, { version: '1999-01-01' }))).fields).toMatchObject({ version: expect.any(String) });
    const developer = await partnerActorOf((await createPartnerUser(partner.id, 'developer')).id);
    expect((await failure(acceptPartnerAgreement(developer, { version: CURRENT_AGREEMENT.version }))).status).toBe(403);
    await acceptPartnerAgreement(partner.actor, { version: CURRENT_AGREEMENT.version });
    const actor = await partnerActorOf(partner.actor.userId);
    expect(agreementState(actor.partner)).toBe('current');
    expect(() => assertAgreementCurrent(actor.partner)).not.toThrow();
    const overview = await getPartnerOverview(actor);
    expect(overview.agreement).toMatchObject({ state: 'current', version: CURRENT_AGREEMENT.version, acceptedBy: partner.actor.email });
    // A new version of the agreement ships: the old acceptance is outdated.
    await db.partner.update({ where: { id: partner.id }, data: { agreementVersion: '2025-01-01' } });
    expect(agreementState((await partnerActorOf(partner.actor.userId)).partner)).toBe('outdated');
    expect((await audits(partner.id)).at(-1)).toMatchObject({ action: 'partner.agreement_accepted', metadata: { version: CURRENT_AGREEMENT.version, previousVersion: null } });
  });
});

describe('people of a partner', () => {
  it('an owner invites a developer, who sets up an account and joins the sandbox as an admin', async () => {
    const op = await operator();
    const partner = await createPartner({ status: 'applied' });
    await decidePartner(op, partner.id, { action: 'approve' });
    const sandbox = await ensurePartnerSandbox(partner.id);
    const email = `dev-${randomBytes(4).toString('hex')}@partner.test`;
    const invited = await invitePartnerUser(partner.actor, { email, role: 'developer' });
    expect(invited).toMatchObject({ status: 'invited', email, role: 'developer' });
    expect((await listPartnerUsers(partner.actor)).pending).toEqual([{ email, role: 'developer', expiresAt: expect.any(Date) }]);
    const token = await partnerLinkToken(email, 'partner_invitation');
    const { userId } = await acceptPartnerInvitation(token, { name: 'Dev', password: PASSWORD }, null);
    expect((await partnerActorOf(userId)).role).toBe('developer');
    expect(await db.membership.findUnique({ where: { tenantId_userId: { tenantId: sandbox.id, userId } } })).toMatchObject({ role: 'admin' });
    const people = await listPartnerUsers(partner.actor);
    expect(people.pending).toEqual([]);
    expect(people.users.map((u) => u.role)).toEqual(['owner', 'developer']);

    // Billing contacts are not sandbox members; a role change follows.
    await setPartnerUserRole(partner.actor, userId, { role: 'billing' });
    expect(await db.membership.findUnique({ where: { tenantId_userId: { tenantId: sandbox.id, userId } } })).toBeNull();
    await setPartnerUserRole(partner.actor, userId, { role: 'owner' });
    expect(await db.membership.findUnique({ where: { tenantId_userId: { tenantId: sandbox.id, userId } } })).toMatchObject({ role: 'owner' });
    await removePartnerUser(partner.actor, userId);
    expect(await db.membership.findUnique({ where: { tenantId_userId: { tenantId: sandbox.id, userId } } })).toBeNull();
    expect(await db.partnerUser.count({ where: { partnerId: partner.id } })).toBe(1);
    expect((await audits(partner.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['partner_user.invited', 'partner_user.joined', 'partner_user.role_changed', 'partner_user.removed']),
    );
  });

  it('someone with a Waypoint account is added at once; the same person twice is a conflict', async () => {
    const partner = await createPartner();
    const tenant = await createTenant();
    const existing = await createMember(tenant.id, 'member');
    const added = await invitePartnerUser(partner.actor, { email: existing.email, role: 'developer' });
    expect(added.status).toBe('added');
    expect(await lastEmail(existing.email, 'partner_invitation')).toMatchObject({ text: expect.stringContaining('/partner/signin') });
    expect(await authenticate({ email: existing.email, password: TEST_PASSWORD }, null, null)).toMatchObject({ id: existing.id });
    expect((await failure(invitePartnerUser(partner.actor, { email: existing.email, role: 'owner' }))).status).toBe(409);
    expect((await failure(invitePartnerUser(partner.actor, { email: 'nope', role: 'captain' }))).fields).toMatchObject({ email: expect.any(String), role: expect.any(String) });
  });

  it('keeps at least one owner, never removes yourself, and only owners manage people', async () => {
    const partner = await createPartner();
    expect((await failure(setPartnerUserRole(partner.actor, partner.actor.userId, { role: 'developer' }))).status).toBe(409);
    expect((await failure(removePartnerUser(partner.actor, partner.actor.userId))).status).toBe(409);
    const developer = await partnerActorOf((await createPartnerUser(partner.id, 'developer')).id);
    expect((await failure(invitePartnerUser(developer, { email: 'x@partner.test', role: 'developer' }))).status).toBe(403);
    expect((await failure(removePartnerUser(developer, partner.actor.userId))).status).toBe(403);
    const email = `gone-${randomBytes(3).toString('hex')}@partner.test`;
    await invitePartnerUser(partner.actor, { email, role: 'billing' });
    const token = await partnerLinkToken(email);
    await revokePartnerInvitation(partner.actor, email);
    expect(await lookupPartnerInvitation(token)).toBeNull();
    expect((await failure(revokePartnerInvitation(partner.actor, email))).status).toBe(404);
  });

  it("a partner cannot touch another partner's people (404)", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const bDev = await createPartnerUser(b.id, 'developer');
    expect((await failure(removePartnerUser(a.actor, bDev.id))).status).toBe(404);
    expect((await failure(setPartnerUserRole(a.actor, bDev.id, { role: 'owner' }))).status).toBe(404);
    expect((await listPartnerUsers(a.actor)).users.map((u) => u.userId)).toEqual([a.actor.userId]);
    expect(await db.partnerUser.findUnique({ where: { partnerId_userId: { partnerId: b.id, userId: bDev.id } } })).not.toBeNull();
  });

  it('makes one sandbox even when asked concurrently', async () => {
    const partner = await createPartner();
    const sandboxes = await Promise.all([ensurePartnerSandbox(partner.id), ensurePartnerSandbox(partner.id), ensurePartnerSandbox(partner.id)]);
    expect(new Set(sandboxes.map((s) => s.id)).size).toBe(1);
    expect(await db.tenant.count({ where: { sandboxOfPartnerId: partner.id } })).toBe(1);
    expect(await db.membership.findUnique({ where: { tenantId_userId: { tenantId: sandboxes[0].id, userId: partner.actor.userId } } })).toMatchObject({ role: 'owner' });
  });
});

describe("the operator's platform audit log", () => {
  it('filters by action prefix, target and actor, newest first, and ignores junk in the URL', async () => {
    const { listPlatformAudit, parsePlatformAuditQuery } = await import('../../lib/platform/platform-audit-query.ts');
    const op = await operator();
    const partner = await createPartner();
    await decidePartner(op, partner.id, { action: 'suspend', reason: 'Audit me please' });
    await decidePartner(op, partner.id, { action: 'reinstate' });
    const forPartner = await listPlatformAudit(parsePlatformAuditQuery({ targetType: 'partner', targetId: partner.id }));
    expect(forPartner.rows.map((row) => row.action)).toEqual(['partner.reinstated', 'partner.suspended']);
    expect(forPartner.rows[1]).toMatchObject({ reason: 'Audit me please', actorEmail: op.email });
    const byPrefix = await listPlatformAudit(parsePlatformAuditQuery({ action: 'partner.', actor: op.email.toUpperCase() }));
    expect(byPrefix.rows.map((row) => row.targetId)).toEqual([partner.id, partner.id]);
    expect(byPrefix.targetTypes).toContain('partner');
    const junk = parsePlatformAuditQuery({ action: 'x\0y', page: '-3', actor: ['a@b.test', 'c'] });
    expect(junk).toEqual({ action: null, targetType: null, targetId: null, actor: 'a@b.test', page: 1 });
    expect((await listPlatformAudit(parsePlatformAuditQuery({ action: 'no.such.', page: '999' }))).rows).toEqual([]);
  });
});

describe("the partner's logo", () => {
  it('owners upload a checked image into the sandbox, served publicly; replaced and removed; not before approval', async () => {
    const { uploadPartnerLogo, removePartnerLogo } = await import('../../lib/partners/partner-logo.ts');
    const { findAppImage } = await import('../../lib/marketplace/app-images.ts');
    const { png } = await import('../support/png.ts');
    const applicant = await createPartner({ status: 'applied' });
    expect((await failure(uploadPartnerLogo(applicant.actor, png(128, 128)))).status).toBe(409);
    const partner = await createPartner();
    const sandbox = await ensurePartnerSandbox(partner.id);
    expect((await failure(uploadPartnerLogo(partner.actor, png(32, 32)))).code).toBe('image_too_small');
    expect((await failure(uploadPartnerLogo(partner.actor, Buffer.from('not an image')))).status).toBe(415);
    const developer = await partnerActorOf((await createPartnerUser(partner.id, 'developer')).id);
    expect((await failure(uploadPartnerLogo(developer, png(128, 128)))).status).toBe(403);
    const first = await uploadPartnerLogo(partner.actor, png(128, 128));
    expect(await db.asset.findUnique({ where: { id: first.id } })).toMatchObject({ tenantId: sandbox.id, kind: 'app_logo' });
    expect(await findAppImage(first.id, { tenantId: null, userId: null, isOperator: false })).toMatchObject({ public: true, contentType: 'image/png' });
    const second = await uploadPartnerLogo(partner.actor, png(256, 256));
    expect(await db.asset.findUnique({ where: { id: first.id } })).toBeNull();
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).logoAssetId).toBe(second.id);
    await removePartnerLogo(partner.actor);
    expect(await findAppImage(second.id, { tenantId: null, userId: null, isOperator: false })).toBeNull();
    expect((await failure(removePartnerLogo(partner.actor))).status).toBe(404);
  });
});
