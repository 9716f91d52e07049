import { db } from '../db/client.ts';
import { CURRENT_AGREEMENT } from '../partners/agreement.ts';
import { ensurePartnerSandbox, syncSandboxMemberOutsideTx } from '../partners/sandbox.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';

// The demo partner (seedDemo runs this; idempotent like the rest of the seed):
//   Northstar Labs, active, agreement accepted     partner@waypoint.test / waypoint-demo
// with its sandbox workspace (northstar-labs-sandbox, demo goals and habits) where the
// owner is an owner too. Its apps are seeded by the marketplace's own seed.

export const DEMO_PARTNER = { email: 'partner@waypoint.test', name: 'Nora Northstar' };
export const DEMO_PARTNER_ORG = { slug: 'northstar-labs', name: 'Northstar Labs' };

export async function seedPartners(passwordHash: string): Promise<number> {
  let created = 0;
  let user = await db.user.findUnique({ where: { email: DEMO_PARTNER.email }, select: { id: true } });
  if (!user) {
    created++;
    user = await db.user.create({ data: { email: DEMO_PARTNER.email, name: DEMO_PARTNER.name, passwordHash, emailVerifiedAt: new Date() }, select: { id: true } });
  }
  let partner = await db.partner.findUnique({ where: { slug: DEMO_PARTNER_ORG.slug }, select: { id: true } });
  if (!partner) {
    created++;
    const now = new Date();
    partner = await db.partner.create({
      data: {
        name: DEMO_PARTNER_ORG.name,
        slug: DEMO_PARTNER_ORG.slug,
        status: 'active',
        website: 'https://northstar.example.com',
        supportEmail: 'support@northstar.test',
        privacyPolicyUrl: 'https://northstar.example.com/privacy',
        applicationNote: 'We build fitness and wellbeing integrations: wearables, step counters and workout logs synced with Waypoint habits.',
        decidedAt: now,
        agreementVersion: CURRENT_AGREEMENT.version,
        agreementAcceptedAt: now,
        agreementAcceptedById: user.id,
      },
      select: { id: true },
    });
    await recordPlatformAudit(db, { actor: null, action: 'partner.approved', target: { type: 'partner', id: partner.id }, metadata: { source: 'demo seed', name: DEMO_PARTNER_ORG.name } });
  }
  const link = await db.partnerUser.findUnique({ where: { partnerId_userId: { partnerId: partner.id, userId: user.id } }, select: { id: true } });
  if (!link) {
    created++;
    await db.partnerUser.create({ data: { partnerId: partner.id, userId: user.id, role: 'owner' } });
  }
  const hadSandbox = await db.tenant.findUnique({ where: { sandboxOfPartnerId: partner.id }, select: { id: true } });
  await ensurePartnerSandbox(partner.id);
  if (!hadSandbox) created++;
  await syncSandboxMemberOutsideTx(partner.id, user.id, 'owner');
  return created;
}
