import { createHash } from 'node:crypto';
import { db } from '../db/client.ts';
import { conflict, notFound } from '../http/problem.ts';
import { validateAppImage } from '../marketplace/app-images.ts';
import { assetUrl } from '../marketplace/app-views.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import { assertPartnerOwner, type PartnerActor } from './partner-actor.ts';

// The partner's logo (its profile, shown beside its apps): checked like an app logo (the bytes
// decide the type, the file's own header the size), stored as an asset of the partner's
// sandbox workspace (Partner.logoAssetId, kind app_logo) and served publicly by
// app/api/marketplace/assets/[assetId]. Owners change it once the partner has its sandbox.

export async function uploadPartnerLogo(actor: PartnerActor, bytes: Buffer, ip: string | null = null): Promise<{ id: string; url: string }> {
  assertPartnerOwner(actor);
  const contentType = validateAppImage('logo', bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return db.$transaction(async (tx) => {
    const sandbox = await tx.tenant.findUnique({ where: { sandboxOfPartnerId: actor.partnerId }, select: { id: true } });
    if (!sandbox) throw conflict('You can add a logo once your application is approved.');
    const before = await tx.partner.findUniqueOrThrow({ where: { id: actor.partnerId }, select: { logoAssetId: true } });
    const asset = await tx.asset.create({ data: { tenantId: sandbox.id, kind: 'app_logo', contentType, size: bytes.length, sha256, data: new Uint8Array(bytes) }, select: { id: true } });
    await tx.partner.update({ where: { id: actor.partnerId }, data: { logoAssetId: asset.id } });
    if (before.logoAssetId) await tx.asset.deleteMany({ where: { id: before.logoAssetId, tenantId: sandbox.id, kind: 'app_logo' } });
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'partner.logo_updated', target: { type: 'partner', id: actor.partnerId }, ip, metadata: { contentType, size: bytes.length } });
    return { id: asset.id, url: assetUrl(asset.id) };
  });
}

export async function removePartnerLogo(actor: PartnerActor, ip: string | null = null): Promise<void> {
  assertPartnerOwner(actor);
  await db.$transaction(async (tx) => {
    const partner = await tx.partner.findUniqueOrThrow({ where: { id: actor.partnerId }, select: { logoAssetId: true } });
    if (!partner.logoAssetId) throw notFound('There is no logo to remove.');
    await tx.partner.update({ where: { id: actor.partnerId }, data: { logoAssetId: null } });
    await tx.asset.deleteMany({ where: { id: partner.logoAssetId, kind: 'app_logo' } });
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'partner.logo_removed', target: { type: 'partner', id: actor.partnerId }, ip });
  });
}

/** A partner's logo is public (it stands beside the partner's published apps). */
export async function isPartnerLogo(assetId: string): Promise<boolean> {
  return (await db.partner.count({ where: { logoAssetId: assetId } })) > 0;
}
