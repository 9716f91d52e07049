import { beforeAll, describe, expect, it } from 'vitest';
import { sendMagicLink } from '../../lib/auth/magic-link.ts';
import { requestPasswordReset } from '../../lib/auth/password-reset.ts';
import { db } from '../../lib/db/client.ts';
import { backgroundTasksSettled } from '../../lib/http/after-response.ts';
import { createInvitation } from '../../lib/members/invitations.ts';
import { emitEvent } from '../../lib/events/domain-events.ts';
import { notifyForEvent } from '../../lib/notifications/consumer.ts';
import { runNotificationEmails } from '../../lib/notifications/emails.ts';
import { updateNotificationSettings } from '../../lib/notifications/preferences.ts';
import { goalAudience } from '../../lib/realtime/audience.ts';
import { startSignup } from '../../lib/signup/sign-up.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf, createMember, memberOf, uniqueSlug } from '../support/factories.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// Each email speaks its recipient's language (issue 22): a member's own locale over the
// workspace's, the workspace's to someone who is not a member yet, and on the platform the
// language of the page the person used. Read from the outbox, as sent.

let english: TenantContext;
let ipCounter = 0;
const ip = () => `198.51.100.${100 + (++ipCounter % 150)}`;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  english = await workspace();
});

async function newest(to: string, kind: string) {
  await backgroundTasksSettled();
  return db.emailMessage.findFirstOrThrow({ where: { to, kind }, orderBy: { createdAt: 'desc' } });
}

async function memberWithLocale(tenant: TenantContext, locale: string | null) {
  const user = await createMember(tenant.id, 'member');
  await db.membership.update({ where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } }, data: { locale } });
  return user;
}

describe('emails in the recipient’s language', () => {
  it('writes to a member who chose German in German, though the workspace is English', async () => {
    const german = await memberWithLocale(english, 'de-DE');
    await requestPasswordReset(english, { email: german.email }, ip());
    const reset = await newest(german.email, 'password_reset');
    expect(reset.subject).toBe(`Neues Passwort für ${english.name} festlegen`);
    expect(reset.html).toContain('<html lang="de" dir="ltr">');
    expect(reset.text).toContain('Mit einem neuen Passwort wirst du überall sonst abgemeldet.');
    expect(reset.text).toContain('Bereitgestellt von Waypoint');

    await sendMagicLink(english, { identifier: german.email, url: `http://${english.slug}.localhost:3100/api/auth/callback/email?token=t1`, expires: new Date(Date.now() + 15 * 60_000) });
    const magic = await newest(german.email, 'magic_link');
    expect(magic.subject).toBe(`Bei ${english.name} anmelden`);
  });

  it('writes to a member who chose nothing in the workspace’s language, and Arabic right to left', async () => {
    const plain = await memberWithLocale(english, null);
    await requestPasswordReset(english, { email: plain.email }, ip());
    expect((await newest(plain.email, 'password_reset')).subject).toBe(`Choose a new password for ${english.name}`);

    const arabic = await memberWithLocale(english, 'ar-EG');
    await requestPasswordReset(english, { email: arabic.email }, ip());
    const reset = await newest(arabic.email, 'password_reset');
    expect(reset.subject).toBe(`اختر كلمة مرور جديدة لـ ${english.name}`);
    expect(reset.html).toContain('<html lang="ar" dir="rtl">');
  });

  it('invites in the workspace’s language, with its date format', async () => {
    const tenant = await workspace();
    await db.tenant.update({ where: { id: tenant.id }, data: { locale: 'ja-JP' } });
    const japanese = await contextOf(tenant.id);
    const admin = await memberIn(japanese, 'owner');
    const email = `${uniqueSlug('invitee')}@example.test`;
    await createInvitation(japanese, admin, { email, role: 'member' });
    const invitation = await newest(email, 'invitation');
    expect(invitation.subject).toContain(`から${japanese.name}への招待が届いています`);
    expect(invitation.text).toContain('メンバーとして');
    expect(invitation.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  });

  it('on the platform, writes in the language of the page the person used', async () => {
    const slug = uniqueSlug('s');
    const address = `${slug}@example.test`;
    await startSignup({ name: 'Ada Lovelace', email: address, password: 'analytical-engine', workspaceName: 'Ada Co', slug }, null, 'fr');
    const signup = await newest(address, 'signup');
    expect(signup.subject).toBe('Confirmez votre adresse e-mail pour créer Ada Co');
    expect(signup.html).toContain('<html lang="fr" dir="ltr">');

    const operator = await db.user.findUniqueOrThrow({ where: { email: 'operator@waypoint.test' } });
    await requestPasswordReset(null, { email: operator.email }, ip(), 'es');
    expect((await newest(operator.email, 'password_reset')).subject).toBe('Elige una nueva contraseña para Waypoint');
  });

  it('sends a member who chose German their notification email in German, frame and sentence, in an English workspace', async () => {
    const tenant = await workspace();
    const author = await memberIn(tenant);
    const user = await memberWithLocale(tenant, 'de-DE');
    const reader = await memberOf(tenant.id, user.id);
    await updateNotificationSettings(tenant, reader, { digest: 'immediately' });
    const team = await db.team.create({ data: { tenantId: tenant.id, name: uniqueSlug('team') } });
    for (const member of [author, reader]) await db.teamMember.create({ data: { tenantId: tenant.id, teamId: team.id, userId: member.userId } });
    const goal = await db.goal.create({ data: { tenantId: tenant.id, ownerId: author.userId, teamId: team.id, title: 'Marathon' } });
    const eventId = await emitEvent(db, tenant.id, 'goal.commented', { goalId: goal.id, milestoneId: null, commentId: `c_${uniqueSlug('c')}`, authorId: author.userId, body: 'Hallo', mentionedUserIds: [reader.userId] }, author.userId, goalAudience(goal));
    await notifyForEvent(eventId);
    await runNotificationEmails(new Date(Date.now() + 60_000));
    const email = await newest(reader.email.toLowerCase(), 'notification');
    expect(email.subject).toMatch(/ hat dich bei Marathon erwähnt/);
    expect(email.html).toContain('<html lang="de" dir="ltr">');
    expect(email.text).toContain(`In ${tenant.name} öffnen: http://`);
    expect(email.text).toContain(`Du erhältst diese E-Mail wegen deiner Benachrichtigungseinstellungen in ${tenant.name}.`);
  });
});
