import { createHash } from 'node:crypto';
import { imageDimensions, sniffImageType } from '../branding/image-upload.ts';
import { db } from '../db/client.ts';
import { AppError, badRequest, conflict, notFound } from '../http/problem.ts';
import { assertActivePartner, assertDeveloper, partnerActorFor, type PartnerActor } from '../partners/partner-actor.ts';
import { isPartnerLogo } from '../partners/partner-logo.ts';
import { MAX_SCREENSHOTS } from './app-schema.ts';
import { lockApp, type Tx } from './app-lifecycle.ts';
import { assetUrl, EDITABLE_STATUSES, OPEN_STATUSES } from './app-views.ts';
import { APP_LOGO_MAX_BYTES, APP_LOGO_MIN_SIDE, APP_LOGO_TYPES } from './submission-checks.ts';

// An app's logo and screenshots: uploaded by the partner onto the version being edited,
// checked like brand images (the bytes decide the type; dimensions read from the file's own
// header), stored as assets of the partner's sandbox workspace (kinds app_logo,
// app_screenshot), and served by app/api/marketplace/assets/[assetId].

export type AppImageKind = 'logo' | 'screenshot';

export const APP_IMAGE_MAX_BYTES: Record<AppImageKind, number> = { logo: APP_LOGO_MAX_BYTES, screenshot: 2 * 1024 * 1024 };
const TYPES: Record<AppImageKind, string[]> = { logo: APP_LOGO_TYPES, screenshot: ['image/png', 'image/jpeg', 'image/webp'] };
/** Screenshots are shown up to 1280 px wide; smaller than 640×360 looks blurry. */
const MIN: Record<AppImageKind, { width: number; height: number }> = { logo: { width: APP_LOGO_MIN_SIDE, height: APP_LOGO_MIN_SIDE }, screenshot: { width: 640, height: 360 } };

/** The verified content type of an app image, or a 400/413/415/422 AppError. */
export function validateAppImage(kind: AppImageKind, bytes: Buffer): string {
  if (bytes.length === 0) throw badRequest('The file is empty.');
  if (bytes.length > APP_IMAGE_MAX_BYTES[kind]) throw new AppError(413, 'payload_too_large', `The ${kind} must be at most ${APP_IMAGE_MAX_BYTES[kind] / 1024} KB.`);
  const type = sniffImageType(bytes);
  if (!type || !TYPES[kind].includes(type)) {
    throw new AppError(415, 'unsupported_media_type', `The ${kind} must be a ${TYPES[kind].map((t) => t.replace('image/', '').replace('+xml', '').toUpperCase()).join(', ')} image.`);
  }
  const size = imageDimensions(bytes, type);
  const min = MIN[kind];
  if (size && (size.width < min.width || size.height < min.height)) {
    throw new AppError(422, 'image_too_small', `The ${kind} is ${size.width}×${size.height} px: it must be at least ${min.width}×${min.height} px.`);
  }
  return type;
}

async function editable(tx: Tx, appId: string) {
  const version = await tx.appVersion.findFirst({ where: { appId, status: { in: OPEN_STATUSES } }, orderBy: { number: 'desc' }, select: { id: true, status: true, number: true, logoAssetId: true, screenshotAssetIds: true } });
  if (!version || !EDITABLE_STATUSES.includes(version.status)) throw conflict('Images change with the version being edited: start a new version, or wait for the review.');
  return version;
}

/** Deletes assets no version of the app refers to any more. */
async function dropUnused(tx: Tx, appId: string, assetIds: string[]): Promise<void> {
  for (const assetId of assetIds) {
    const used = await tx.appVersion.count({ where: { appId, OR: [{ logoAssetId: assetId }, { screenshotAssetIds: { has: assetId } }] } });
    if (!used) await tx.asset.deleteMany({ where: { id: assetId, kind: { in: ['app_logo', 'app_screenshot'] } } });
  }
}

/** Stores a logo (replacing the version's) or adds a screenshot; returns the image's URL. */
export async function uploadAppImage(actor: PartnerActor, appId: string, kind: AppImageKind, bytes: Buffer): Promise<{ id: string; url: string }> {
  assertActivePartner(actor);
  assertDeveloper(actor);
  const contentType = validateAppImage(kind, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return db.$transaction(async (tx) => {
    const app = await lockApp(tx, appId, actor.partnerId);
    const sandbox = await tx.oAuthApp.findUniqueOrThrow({ where: { id: app.oauthAppId }, select: { tenantId: true } });
    const version = await editable(tx, appId);
    if (kind === 'screenshot' && version.screenshotAssetIds.length >= MAX_SCREENSHOTS) throw conflict(`An app shows at most ${MAX_SCREENSHOTS} screenshots: remove one first.`);
    const asset = await tx.asset.create({
      data: { tenantId: sandbox.tenantId, kind: kind === 'logo' ? 'app_logo' : 'app_screenshot', contentType, size: bytes.length, sha256, data: new Uint8Array(bytes) },
      select: { id: true },
    });
    if (kind === 'logo') {
      await tx.appVersion.update({ where: { id: version.id }, data: { logoAssetId: asset.id } });
      if (version.logoAssetId) await dropUnused(tx, appId, [version.logoAssetId]);
    } else {
      await tx.appVersion.update({ where: { id: version.id }, data: { screenshotAssetIds: [...version.screenshotAssetIds, asset.id] } });
    }
    return { id: asset.id, url: assetUrl(asset.id) };
  });
}

/** Takes a screenshot (or the logo) off the version being edited. */
export async function removeAppImage(actor: PartnerActor, appId: string, assetId: string): Promise<void> {
  assertActivePartner(actor);
  assertDeveloper(actor);
  await db.$transaction(async (tx) => {
    await lockApp(tx, appId, actor.partnerId);
    const version = await editable(tx, appId);
    if (version.logoAssetId === assetId) await tx.appVersion.update({ where: { id: version.id }, data: { logoAssetId: null } });
    else if (version.screenshotAssetIds.includes(assetId)) await tx.appVersion.update({ where: { id: version.id }, data: { screenshotAssetIds: version.screenshotAssetIds.filter((id) => id !== assetId) } });
    else throw notFound('No such image.');
    await dropUnused(tx, appId, [assetId]);
  });
}

export interface ServedImage {
  contentType: string;
  data: Uint8Array;
  sha256: string;
  size: number;
  /** Live versions' images are public; others are for the partner, operators and its sandbox. */
  public: boolean;
}

/**
 * An app image, if the caller may see it: anyone, when a published (or deprecated) app's live
 * version shows it; otherwise the app's partner, a platform operator, or anyone on the
 * partner's sandbox workspace (where unpublished apps are installed and tried).
 */
export async function findAppImage(assetId: string, viewer: { tenantId: string | null; userId: string | null; isOperator: boolean }): Promise<ServedImage | null> {
  const asset = await db.asset.findFirst({ where: { id: assetId, kind: { in: ['app_logo', 'app_screenshot'] } }, select: { tenantId: true, contentType: true, data: true, sha256: true, size: true } });
  if (!asset) return null;
  const versions = await db.appVersion.findMany({
    where: { OR: [{ logoAssetId: assetId }, { screenshotAssetIds: { has: assetId } }] },
    select: { id: true, app: { select: { partnerId: true, status: true, liveVersionId: true } } },
  });
  const image0 = { contentType: asset.contentType, data: asset.data, sha256: asset.sha256, size: asset.size };
  // A partner's own logo (lib/partners/partner-logo.ts) is public like its live apps'.
  if (versions.length === 0) return (await isPartnerLogo(assetId)) ? { ...image0, public: true } : null;
  const isLive = versions.some((v) => v.app.liveVersionId === v.id && (v.app.status === 'published' || v.app.status === 'deprecated'));
  const image = { contentType: asset.contentType, data: asset.data, sha256: asset.sha256, size: asset.size };
  if (isLive) return { ...image, public: true };
  if (viewer.isOperator || viewer.tenantId === asset.tenantId) return { ...image, public: false };
  if (viewer.userId) {
    const actor = await partnerActorFor(viewer.userId);
    if (actor && versions.some((v) => v.app.partnerId === actor.partnerId)) return { ...image, public: false };
  }
  return null;
}
