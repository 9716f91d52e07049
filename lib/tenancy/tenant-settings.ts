import { createHash } from 'node:crypto';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { can as planAllows, requireFeature } from '../billing/entitlements.ts';
import { cleanCss, MAX_CUSTOM_CSS_LENGTH } from '../branding/sanitize-css.ts';
import { validateImage, type ImageKind } from '../branding/image-upload.ts';
import { mustEnrolTwoFactor } from '../auth/two-factor-policy.ts';
import type { Prisma } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import { brandingSettingsSchema, deleteWorkspaceSchema, generalSettingsSchema } from './settings-schema.ts';
import { clearLocalTenantCache, notifyTenantChanged } from './tenant-cache.ts';
import type { TenantContext } from './tenant-context.ts';
import { logger } from '../observability/logger.ts';
import { scheduleDeletionByOwner } from '../platform/tenant-lifecycle.ts';

// Admin changes to the workspace itself. Each one is audited and clears every instance's
// tenant cache (notifyTenantChanged) so the new name, colors or logo show at once.

function actorOf(member: Member) {
  return { id: member.userId, email: member.email };
}

export async function updateGeneralSettings(tenant: TenantContext, actor: Member, input: unknown, ip: string | null = null) {
  assertCan(actor.role, 'settings.manage');
  const data = parseInput(generalSettingsSchema, input);
  // Whoever turns the requirement on meets it first, so it never locks its author out mid-task.
  if (data.requireTwoFactor && !tenant.requireTwoFactor && (await mustEnrolTwoFactor({ requireTwoFactor: true }, actor))) {
    throw validationFailed({ requireTwoFactor: 'Turn on two-factor authentication for your own account first (Account › Security).' });
  }
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await tx.tenant.update({ where: { id: tenant.id }, data });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action: 'settings.general_updated', target: { type: 'tenant', id: tenant.id }, ip, metadata: data });
    await notifyTenantChanged(tx);
  });
  clearLocalTenantCache();
  return data;
}

/**
 * Whether the submitted branding changes what the plan's custom_branding feature covers. Without
 * the feature the workspace is served the defaults (load-tenant.ts), and its settings page
 * offers them: anything else is a change.
 */
function customizesBranding(tenant: TenantContext, data: { primaryColor: string; secondaryColor: string; accentColor: string; customCss: string | null; emailFromName: string | null }, terminology: Record<string, unknown>): boolean {
  const current = tenant.branding;
  return (
    data.primaryColor.toLowerCase() !== current.primaryColor.toLowerCase() ||
    data.secondaryColor.toLowerCase() !== current.secondaryColor.toLowerCase() ||
    data.accentColor.toLowerCase() !== current.accentColor.toLowerCase() ||
    data.customCss !== null ||
    data.emailFromName !== null ||
    Object.keys(terminology).length > 0
  );
}

export async function updateBranding(tenant: TenantContext, actor: Member, input: unknown, ip: string | null = null) {
  assertCan(actor.role, 'settings.manage');
  const data = parseInput(brandingSettingsSchema, input);
  // Stored sanitized as well as rendered sanitized: what admins see in the form is what runs.
  const cleaned = cleanCss(data.customCss);
  if (cleaned.overLimit) throw validationFailed({ customCss: `Written out in full, this CSS is longer than ${MAX_CUSTOM_CSS_LENGTH.toLocaleString('en-US')} characters. Shorten it.` });
  const customCss = cleaned.css || null;
  const terminology = Object.fromEntries(Object.entries(data.terminology).filter(([, value]) => value)) as Prisma.InputJsonObject;
  // Blank words are the catalog's: only the ones set are stored, and a language with none is dropped.
  const localizedTerminology = Object.fromEntries(
    Object.entries(data.localizedTerminology ?? {})
      .map(([language, words]) => [language, Object.fromEntries(Object.entries(words ?? {}).filter(([, value]) => value))])
      .filter(([, words]) => Object.keys(words).length > 0),
  ) as Prisma.InputJsonObject;
  const branded = await planAllows(tenant, 'custom_branding');
  if (!branded && customizesBranding(tenant, { ...data, customCss }, { ...terminology, ...localizedTerminology })) await requireFeature(tenant, 'custom_branding');
  if (data.hidePoweredBy && !tenant.branding.hidePoweredBy) await requireFeature(tenant, 'hide_powered_by');
  // Without custom branding only the support and legal links (and the footer) are saved: the
  // stored brand stays as it was, for when the plan includes it again.
  // Likewise the footer setting: a plan without it keeps the stored choice (e.g. after a trial).
  const { supportEmail, termsUrl, privacyUrl, hidePoweredBy, ...brand } = data;
  const footer = (await planAllows(tenant, 'hide_powered_by')) ? { hidePoweredBy } : {};
  const values = branded ? { ...brand, supportEmail, termsUrl, privacyUrl, ...footer, customCss, terminology, localizedTerminology } : { supportEmail, termsUrl, privacyUrl, ...footer };
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await tx.branding.upsert({ where: { tenantId: tenant.id }, create: { tenantId: tenant.id, ...values }, update: values });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: actorOf(actor),
      action: 'settings.branding_updated',
      target: { type: 'tenant', id: tenant.id },
      ip,
      metadata: { ...values, customCss: customCss ? `${customCss.length} characters` : null },
    });
    await notifyTenantChanged(tx);
  });
  clearLocalTenantCache();
  // What the sanitizer removed from the custom CSS, so the form can tell the admin.
  return { ...values, customCssRemoved: branded ? cleaned.removed : [] };
}

/** Stores a logo or favicon and points the branding at it; returns its URL. */
export async function uploadBrandImage(tenant: TenantContext, actor: Member, kind: ImageKind, bytes: Buffer, ip: string | null = null): Promise<string> {
  assertCan(actor.role, 'settings.manage');
  await requireFeature(tenant, 'custom_branding');
  const contentType = validateImage(kind, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const url = await tenantDb(tenant.id).$transaction(async (tx) => {
    const asset = await tx.asset.create({ data: { tenantId: tenant.id, kind, contentType, size: bytes.length, sha256, data: new Uint8Array(bytes) }, select: { id: true } });
    const path = `/api/assets/${asset.id}`;
    const field = kind === 'logo' ? { logoUrl: path } : { faviconUrl: path };
    await tx.branding.upsert({ where: { tenantId: tenant.id }, create: { tenantId: tenant.id, ...field }, update: field });
    // Older uploads of this kind are no longer referenced.
    await tx.asset.deleteMany({ where: { kind, id: { not: asset.id } } });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action: `settings.${kind}_uploaded`, target: { type: 'asset', id: asset.id }, ip, metadata: { contentType, size: bytes.length } });
    await notifyTenantChanged(tx);
    return path;
  });
  clearLocalTenantCache();
  return url;
}

export async function removeBrandImage(tenant: TenantContext, actor: Member, kind: ImageKind, ip: string | null = null): Promise<void> {
  assertCan(actor.role, 'settings.manage');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await tx.branding.update({ where: { tenantId: tenant.id }, data: kind === 'logo' ? { logoUrl: null } : { faviconUrl: null } });
    await tx.asset.deleteMany({ where: { kind } });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action: `settings.${kind}_removed`, target: { type: 'tenant', id: tenant.id }, ip });
    await notifyTenantChanged(tx);
  });
  clearLocalTenantCache();
}

/**
 * Deletes the workspace: it closes at once and everything in it is erased after the grace
 * period (lib/platform/tenant-lifecycle.ts), until when support can restore it. The owner
 * confirms by typing its address.
 */
export async function deleteWorkspace(tenant: TenantContext, actor: Member, input: unknown, ip: string | null = null): Promise<{ erasedAfter: string }> {
  assertCan(actor.role, 'tenant.delete', 'Only an owner can delete the workspace.');
  const { confirmSlug } = parseInput(deleteWorkspaceSchema, input);
  if (confirmSlug !== tenant.slug) throw validationFailed({ confirmSlug: `Type ${tenant.slug} to confirm.` });
  const result = await scheduleDeletionByOwner(tenant.id, { userId: actor.userId, email: actor.email }, ip);
  logger().info({ tenantId: tenant.id, slug: tenant.slug, actorId: actor.userId }, 'tenancy: workspace scheduled for deletion by an owner');
  return { erasedAfter: result.deletionScheduledAt! };
}

/** A logo or favicon (public); members' pictures are served by app/api/avatars to members only. */
export async function getBrandAsset(tenantId: string, assetId: string) {
  return tenantDb(tenantId).asset.findFirst({ where: { id: assetId, kind: { in: ['logo', 'favicon'] } }, select: { contentType: true, data: true, sha256: true, size: true } });
}
