import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../lib/auth/password.ts';
import { db } from '../../lib/db/client.ts';
import type { PartnerStatus } from '../../lib/db/generated/enums.ts';
import { partnerActorFor, type PartnerActor } from '../../lib/partners/partner-actor.ts';
import type { PartnerUserRole } from '../../lib/partners/partner-schema.ts';
import { TEST_PASSWORD, uniqueSlug } from './factories.ts';

// Partners made straight in the database (the services' own rules are tested in
// tests/integration/partners.test.ts), each with an owner user.

export interface TestPartner {
  id: string;
  name: string;
  slug: string;
  actor: PartnerActor;
}

let passwordHash: Promise<string> | undefined;

export async function createPartnerUser(partnerId: string, role: PartnerUserRole = 'owner') {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${uniqueSlug('pu')}@partner.test`;
  const user = await db.user.create({ data: { email, name: email.split('@')[0], passwordHash: await passwordHash, emailVerifiedAt: new Date() } });
  await db.partnerUser.create({ data: { partnerId, userId: user.id, role } });
  return user;
}

export async function createPartner(options: { status?: PartnerStatus; name?: string; agreementVersion?: string | null } = {}): Promise<TestPartner> {
  const slug = uniqueSlug('partner');
  const name = options.name ?? `Partner ${randomBytes(3).toString('hex')}`;
  const partner = await db.partner.create({
    data: { name, slug, status: options.status ?? 'active', website: 'https://partner.example.com', supportEmail: `support@${slug}.test`, agreementVersion: options.agreementVersion ?? null },
  });
  const owner = await createPartnerUser(partner.id, 'owner');
  return { id: partner.id, name, slug, actor: (await partnerActorFor(owner.id))! };
}

/** The actor of a partner user, as the partner door makes it. */
export async function partnerActorOf(userId: string): Promise<PartnerActor> {
  const actor = await partnerActorFor(userId);
  if (!actor) throw new Error(`user ${userId} works for no partner`);
  return actor;
}

/** The token of the latest partner link (application or invitation) emailed to this address. */
export async function partnerLinkToken(email: string, kind?: string): Promise<string> {
  const message = await db.emailMessage.findFirstOrThrow({ where: { to: email, ...(kind ? { kind } : { kind: { startsWith: 'partner_' } }) }, orderBy: { createdAt: 'desc' } });
  const match = message.text.match(/\/partner\/welcome\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no partner link in the ${message.kind} email to ${email}`);
  return match[1];
}
