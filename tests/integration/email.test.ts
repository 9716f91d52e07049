import net from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { senderAddress } from '../../lib/email/email-config.ts';
import { LINK_REMOVED, queueEmail, sendEmail } from '../../lib/email/send-email.ts';
import { invitationEmail } from '../../lib/email/templates/invitation-email.ts';
import { magicLinkEmail } from '../../lib/email/templates/magic-link-email.ts';
import { notificationEmail } from '../../lib/email/templates/notification-email.ts';
import { loadTenantById } from '../../lib/tenancy/load-tenant.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { createTenant } from '../support/factories.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';

const EVIL = '<img src=x onerror=alert(1)>"&\'';

async function tenantWith(name: string, branding: Record<string, unknown> = {}): Promise<TenantContext> {
  const row = await createTenant({ name });
  await db.branding.update({ where: { tenantId: row.id }, data: branding });
  return (await loadTenantById(row.id))!;
}

let acme: TenantContext;

beforeAll(async () => {
  // These tests read what was sent from the outbox, whatever the developer's environment says.
  delete process.env.SMTP_URL;
  delete process.env.EMAIL_FROM;
  acme = await tenantWith('Acme Coaching', { primaryColor: '#e11d48', logoUrl: '/brand/acme-logo.svg', emailFromName: 'Acme Coaching Team' });
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.EMAIL_FROM;
});

function invitation(tenant: TenantContext, inviterName: string | null = 'Ada Lovelace') {
  return invitationEmail({ tenant, inviterName, role: 'member', acceptUrl: `http://${tenant.slug}.localhost:3100/invite/tok_Q2xhdWRlIFNoYW5ub24gd2FzIGhlcmUgMTk0OA`, expiresAt: new Date(Date.now() + 7 * 86_400_000) });
}

describe('sendEmail without SMTP_URL', () => {
  it('keeps the message in the outbox with the tenant, kind and both parts', async () => {
    const content = await invitation(acme);
    const sent = await sendEmail({ tenant: acme, to: 'New.Person@Example.test', kind: 'invitation', ...content });
    expect(sent).toEqual({ id: expect.any(String), delivery: 'outbox', error: null });
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ tenantId: acme.id, to: 'new.person@example.test', kind: 'invitation', transport: 'outbox', sentAt: null, error: null });
    expect(row.subject).toBe('Ada Lovelace invited you to join Acme Coaching');
    expect(row.html).toBe(content.html);
    expect(row.text).toBe(content.text);
  });

  it("sends as the tenant's sender name, else its name, from no-reply on the platform's mail domain", async () => {
    const plain = await tenantWith('Plain Co');
    const a = await sendEmail({ tenant: acme, to: 'a@example.test', kind: 'notification', ...(await invitation(acme)) });
    const b = await sendEmail({ tenant: plain, to: 'b@example.test', kind: 'notification', ...(await invitation(plain)) });
    const c = await sendEmail({ tenant: null, to: 'c@example.test', kind: 'notification', subject: 'Hi', html: '<p>Hi</p>', text: 'Hi' });
    const from = async (id: string) => (await db.emailMessage.findUniqueOrThrow({ where: { id } })).from;
    expect(await from(a.id)).toBe('"Acme Coaching Team" <no-reply@waypoint.local>');
    expect(await from(b.id)).toBe('"Plain Co" <no-reply@waypoint.local>');
    expect(await from(c.id)).toBe('"Waypoint" <no-reply@waypoint.local>');
  });

  it('takes the address from EMAIL_FROM, and refuses a malformed one', () => {
    process.env.EMAIL_FROM = 'Support <help@mail.example.com>';
    expect(senderAddress()).toBe('help@mail.example.com');
    process.env.EMAIL_FROM = 'bounces@example.com';
    expect(senderAddress()).toBe('bounces@example.com');
    process.env.EMAIL_FROM = 'not an address';
    expect(() => senderAddress()).toThrow(/EMAIL_FROM/);
  });

  it('keeps header injection out of the sender name and subject', async () => {
    const sneaky = await tenantWith('Sneaky', { emailFromName: 'Evil"\r\nBcc: victim@example.test' });
    const sent = await sendEmail({ tenant: sneaky, to: 'x@example.test', kind: 'notification', subject: 'Hello\r\nBcc: victim@example.test', html: '<p>x</p>', text: 'x' });
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.from).toBe('"Evil\\" Bcc: victim@example.test" <no-reply@waypoint.local>');
    expect(row.subject).toBe('Hello Bcc: victim@example.test');
  });

  it('refuses anything but a single address as recipient', async () => {
    await expect(sendEmail({ tenant: acme, to: 'a@example.test, b@example.test', kind: 'x', subject: 's', html: 'h', text: 't' })).rejects.toThrow(/single email address/);
  });
});

describe('email templates', () => {
  it('escapes a malicious tenant name and inviter name in the HTML part', async () => {
    const evil = await tenantWith(`Evil ${EVIL}`);
    const { html, text, subject } = await invitation(evil, `Mallory ${EVIL}`);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Evil &lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;');
    expect(html).toContain('Mallory &lt;img src=x onerror=alert(1)&gt;');
    // The plain-text part and the subject are not HTML: they carry the text as is.
    expect(text).toContain(`Mallory ${EVIL} invited you to join Evil ${EVIL}`);
    expect(subject).toBe(`Mallory ${EVIL} invited you to join Evil ${EVIL}`);
  });

  it('carries the brand: primary color on the button, absolute logo, name, and "Powered by" unless hidden', async () => {
    const { html, text } = await invitation(acme);
    expect(html).toContain('background-color:#e11d48');
    expect(html).toContain(`src="http://${acme.slug}.localhost:3100/brand/acme-logo.svg"`);
    expect(html).toContain('Acme Coaching');
    expect(html).toContain('Powered by Waypoint');
    expect(text).toContain('Powered by Waypoint');
    expect(html).toContain(`href="http://${acme.slug}.localhost:3100/invite/tok_Q2xhdWRlIFNoYW5ub24gd2FzIGhlcmUgMTk0OA"`);
    expect(text).toContain(`Accept invitation: http://${acme.slug}.localhost:3100/invite/tok_Q2xhdWRlIFNoYW5ub24gd2FzIGhlcmUgMTk0OA`);

    const hidden = await tenantWith('Quiet Co', { hidePoweredBy: true, logoUrl: 'data:image/png;base64,AAAA' });
    const quiet = await invitation(hidden);
    expect(quiet.html).not.toContain('Powered by');
    expect(quiet.text).not.toContain('Powered by');
    expect(quiet.html).not.toContain('<img');
  });

  it("names things with the tenant's terminology", async () => {
    const renamed = await tenantWith('Renamed Co', { terminology: { goals: 'objectives', habits: 'rituals', teams: 'squads' } });
    const { html, text } = await invitation(renamed);
    for (const part of [html, text]) {
      expect(part).toContain('objectives');
      expect(part).toContain('rituals');
      expect(part).toContain('squads');
    }
  });

  it('renders the magic-link and notification templates with a text part', async () => {
    const magic = await magicLinkEmail({ tenant: acme, signInUrl: 'http://acme.localhost:3100/api/auth/callback/email?token=a&email=b', expiresAt: new Date(Date.now() + 15 * 60_000) });
    expect(magic.subject).toBe('Sign in to Acme Coaching');
    expect(magic.html).toContain('href="http://acme.localhost:3100/api/auth/callback/email?token=a&amp;email=b"');
    expect(magic.text).toContain('http://acme.localhost:3100/api/auth/callback/email?token=a&email=b');
    expect(magic.text).toContain('15 minutes');

    const note = notificationEmail({ tenant: acme, subject: 'Weekly summary', heading: 'Your week', paragraphs: ['You logged 5 <habits>.'] });
    expect(note.html).toContain('You logged 5 &lt;habits&gt;.');
    expect(note.text).toContain('You logged 5 <habits>.');
  });

  it('refuses a button link that is not http(s)', () => {
    expect(() => notificationEmail({ tenant: acme, subject: 's', heading: 'h', paragraphs: [], action: { label: 'Go', url: 'javascript:alert(1)' } })).toThrow(/http/);
  });
});

describe('sendEmail with SMTP_URL', () => {
  it('stores the message, sends it over SMTP and records sentAt', async () => {
    const sink = await startSmtpSink();
    try {
      process.env.SMTP_URL = sink.url;
      const content = await invitation(acme);
      const sent = await sendEmail({ tenant: acme, to: 'smtp-person@example.test', kind: 'invitation', ...content });
      expect(sent.delivery).toBe('sent');
      const row = await db.emailMessage.findUniqueOrThrow({ where: { id: sent.id } });
      expect(row.transport).toBe('smtp');
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(row.error).toBeNull();

      expect(sink.messages).toHaveLength(1);
      const [mail] = sink.messages;
      expect(mail.from).toBe('no-reply@waypoint.local');
      expect(mail.to).toEqual(['smtp-person@example.test']);
      expect(mail.data).toMatch(/^From: "?Acme Coaching Team"? <no-reply@waypoint\.local>/m);
      expect(mail.data).toContain('Subject: Ada Lovelace invited you to join Acme Coaching');
      expect(mail.data).toContain('Content-Type: text/plain');
      expect(mail.data).toContain('Content-Type: text/html');
      expect(mail.data).toContain('#e11d48');
      // The link went out; the copy we keep no longer holds it.
      expect(mail.data).toContain('/invite/tok_');
      expect(row.text).not.toContain('/invite/tok_');
      expect(row.html).not.toContain('/invite/tok_');
      expect(row.text).toContain(LINK_REMOVED);
    } finally {
      await sink.close();
    }
  });

  it('keeps the links of other messages, and of every message in the outbox (no SMTP: the outbox is the delivery)', async () => {
    const sink = await startSmtpSink();
    try {
      process.env.SMTP_URL = sink.url;
      const notice = await sendEmail({ tenant: acme, to: 'notice@example.test', kind: 'notification', subject: 's', html: '<a href="https://acme.example/goals/abcdefghijklmnopqrstuvwxyz">x</a>', text: 'https://acme.example/goals/abcdefghijklmnopqrstuvwxyz' });
      expect((await db.emailMessage.findUniqueOrThrow({ where: { id: notice.id } })).text).toContain('abcdefghijklmnopqrstuvwxyz');
    } finally {
      await sink.close();
    }
    delete process.env.SMTP_URL;
    const outbox = await sendEmail({ tenant: acme, to: 'outbox@example.test', kind: 'invitation', ...(await invitation(acme)) });
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: outbox.id } })).text).toContain('/invite/tok_');
  });

  it('queues a message: stored at once, sent in the background', async () => {
    const sink = await startSmtpSink();
    try {
      process.env.SMTP_URL = sink.url;
      const id = (await queueEmail({ tenant: acme, to: 'queued@example.test', kind: 'magic_link', ...(await invitation(acme)) }))!;
      expect(await db.emailMessage.count({ where: { id } })).toBe(1);
      await expect.poll(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id } })).sentAt, { timeout: 5000 }).toBeInstanceOf(Date);
      expect(sink.messages.map((m) => m.to)).toEqual([['queued@example.test']]);
    } finally {
      await sink.close();
    }
  });

  it('records the error when the SMTP server cannot be reached, without throwing', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const sent = await sendEmail({ tenant: acme, to: 'nobody-home@example.test', kind: 'notification', subject: 's', html: '<p>h</p>', text: 't' });
    expect(sent.delivery).toBe('failed');
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
  });
});
