import { beforeAll, describe, expect, it } from 'vitest';
import * as checklistRoute from '../../app/api/app/onboarding/checklist/route.ts';
import * as welcomeRoute from '../../app/api/app/onboarding/welcome/route.ts';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { createHabit } from '../../lib/habits/habits.ts';
import { createInvitation } from '../../lib/members/invitations.ts';
import { dismissSetupChecklist, dismissWelcome, setupChecklist, welcomeFor } from '../../lib/onboarding/first-run.ts';
import { addTeamMember } from '../../lib/teams/team-membership.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import { updateBranding } from '../../lib/tenancy/tenant-settings.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute } from '../support/app-client.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// First run: each checklist step is done because the data says so, the checklist can be
// hidden for the whole workspace (stored on the tenant), and a new member's welcome card
// goes once they close it or have done its steps.

const doneSteps = async (tenant: TenantContext, member: Member) =>
  (await setupChecklist(tenant, member)).steps.filter((s) => s.done).map((s) => s.key);

describe('setup checklist', () => {
  let t: TenantContext;
  let owner: Member;
  let admin: Member;

  beforeAll(async () => {
    t = await workspace();
    [owner, admin] = await Promise.all([memberIn(t, 'owner'), memberIn(t, 'admin')]);
  });

  it('starts with every step open for a new workspace, and is shown to owners and admins only', async () => {
    const solo = await workspace();
    const first = await memberIn(solo, 'owner');
    expect(await setupChecklist(solo, first)).toMatchObject({ doneCount: 0, dismissed: false, visible: true });
    expect((await setupChecklist(solo, first)).steps.map((s) => s.key)).toEqual(['brand', 'invite', 'goal', 'habit', 'domain']);
    const member = await memberIn(solo, 'member');
    expect((await setupChecklist(solo, member)).visible).toBe(false);
    // The second member counts as "invite people" done.
    expect(await doneSteps(solo, first)).toEqual(['invite']);
  });

  it('marks each step done from the real data, in this workspace only', async () => {
    const other = await workspace();
    const otherOwner = await memberIn(other, 'owner');
    await createGoal(other, otherOwner, { title: 'Not theirs' });

    expect(await doneSteps(t, owner)).toEqual(['invite']);
    // Saved through the branding settings, with the default colours kept: the save counts.
    await updateBranding(t, owner, {
      primaryColor: '#4f46e5',
      secondaryColor: '#0f172a',
      accentColor: '#f59e0b',
      customCss: '',
      terminology: {},
      emailFromName: 'Coaching team',
      supportEmail: '',
      termsUrl: '',
      privacyUrl: '',
      hidePoweredBy: false,
    });
    await createGoal(t, admin, { title: 'First goal' });
    await createHabit(t, owner, { name: 'Walk', description: null, schedule: 'daily', scheduleDays: [], timesPerWeek: null });
    expect(await doneSteps(t, owner)).toEqual(['brand', 'invite', 'goal', 'habit']);
    expect(await doneSteps(other, otherOwner)).toEqual(['goal']);

    // An unverified domain is not done; a verified one is.
    const domain = await db.domain.create({ data: { tenantId: t.id, hostname: `goals-${t.slug}.example.test`, verificationToken: 'x' } });
    expect(await doneSteps(t, owner)).not.toContain('domain');
    await db.domain.update({ where: { id: domain.id }, data: { verifiedAt: new Date() } });
    expect(await setupChecklist(t, owner)).toMatchObject({ doneCount: 5, visible: false });
  });

  it('counts an invitation and an uploaded logo', async () => {
    const w = await workspace();
    const o = await memberIn(w, 'owner');
    await createInvitation(w, o, { email: 'newcomer@example.test', role: 'member' });
    await db.branding.update({ where: { tenantId: w.id }, data: { logoUrl: '/api/assets/logo' } });
    expect(await doneSteps(w, o)).toEqual(['brand', 'invite']);
  });

  it('is dismissed for the whole workspace, audited once, and members cannot dismiss it', async () => {
    const w = await workspace();
    const [o, a, m] = await Promise.all([memberIn(w, 'owner'), memberIn(w, 'admin'), memberIn(w, 'member')]);
    expect((await failure(dismissSetupChecklist(w, m))).status).toBe(403);
    await dismissSetupChecklist(w, a);
    await dismissSetupChecklist(w, o);
    expect(await setupChecklist(w, o)).toMatchObject({ dismissed: true, visible: false });
    expect(await db.auditLog.count({ where: { tenantId: w.id, action: 'settings.setup_checklist_dismissed' } })).toBe(1);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: w.id } })).setupChecklistDismissedAt).toBeInstanceOf(Date);
  });

  it('through the routes: GET for admins, DELETE dismisses, members get 403', async () => {
    const w = await workspace();
    const [o, m] = await Promise.all([memberIn(w, 'owner'), memberIn(w, 'member')]);
    const host = `${w.slug}.localhost:3100`;
    const call = async (handler: typeof checklistRoute.GET, method: string, who: Member) =>
      callRoute(handler, { method, path: '/api/app/onboarding/checklist', tenantId: w.id, host, cookie: await sessionCookie(who.userId, w.id) });
    expect((await call(checklistRoute.GET, 'GET', o)).body).toMatchObject({ visible: true, doneCount: 1 });
    expect((await call(checklistRoute.GET, 'GET', m)).status).toBe(403);
    expect((await call(checklistRoute.DELETE, 'DELETE', m)).status).toBe(403);
    expect((await call(checklistRoute.DELETE, 'DELETE', o)).status).toBe(204);
    expect((await call(checklistRoute.GET, 'GET', o)).body).toMatchObject({ visible: false, dismissed: true });
  });
});

describe('welcome for people who joined', () => {
  it('shows three first steps to members until they close it, and never to admins', async () => {
    const w = await workspace();
    const [admin, newcomer, viewer] = await Promise.all([memberIn(w, 'admin'), memberIn(w), memberIn(w, 'viewer')]);
    expect(await welcomeFor(w, newcomer)).toEqual({ visible: true, steps: [{ key: 'team', done: false }, { key: 'goal', done: false }, { key: 'habit', done: false }] });
    expect((await welcomeFor(w, viewer)).visible).toBe(true);
    expect((await welcomeFor(w, admin)).visible).toBe(false);

    const team = await createTeam(w, admin, { name: 'Crew', leadUserId: admin.userId });
    await addTeamMember(w, admin, team.id, { userId: newcomer.userId });
    await createGoal(w, newcomer, { title: 'Mine' });
    expect((await welcomeFor(w, newcomer)).steps.filter((s) => s.done).map((s) => s.key)).toEqual(['team', 'goal']);

    // Closing it is per member: the viewer still sees theirs.
    await dismissWelcome(w, newcomer);
    expect((await welcomeFor(w, newcomer)).visible).toBe(false);
    expect((await welcomeFor(w, viewer)).visible).toBe(true);
    const cookie = await sessionCookie(viewer.userId, w.id);
    const answer = await callRoute(welcomeRoute.DELETE, { method: 'DELETE', path: '/api/app/onboarding/welcome', tenantId: w.id, host: `${w.slug}.localhost:3100`, cookie });
    expect(answer.status).toBe(204);
    expect((await welcomeFor(w, viewer)).visible).toBe(false);
  });

  it('goes away by itself once every step is done', async () => {
    const w = await workspace();
    const [admin, m] = await Promise.all([memberIn(w, 'admin'), memberIn(w)]);
    const team = await createTeam(w, admin, { name: 'Crew', leadUserId: admin.userId });
    await addTeamMember(w, admin, team.id, { userId: m.userId });
    await createGoal(w, m, { title: 'Mine' });
    await createHabit(w, m, { name: 'Read', description: null, schedule: 'daily', scheduleDays: [], timesPerWeek: null });
    expect((await welcomeFor(w, m)).visible).toBe(false);
  });
});
