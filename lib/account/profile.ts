import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { Member } from '../auth/session.ts';
import { sniffImageType } from '../branding/image-upload.ts';
import { db } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { AppError, parseInput } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { avatarPath } from './avatar-path.ts';
import { isLocale, isTimeZone } from './profile-options.ts';

// A member's profile: the name is the person's (shared by every workspace they belong to);
// the picture, time zone and locale belong to the membership, so one workspace never serves
// (or even learns of) the picture someone uploaded to another.

/** The cropped square the browser uploads is 256 px; anything this big is not a cropped avatar. */
export const AVATAR_MAX_BYTES = 1024 * 1024;
export const AVATAR_MIN_SIDE = 32;
export const AVATAR_MAX_SIDE = 2048;
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
/** What the upload route accepts as the request's media type (the bytes decide the real one). */
export const AVATAR_MEDIA_TYPES = [...AVATAR_TYPES, 'application/octet-stream'] as const;

export const profileSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(80, 'Use at most 80 characters.'),
  // '' = follow the workspace (time zone) or the workspace/browser (locale).
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((value) => value === '' || isTimeZone(value), 'Choose a time zone from the list.')
    .transform((value) => value || null),
  locale: z
    .string()
    .trim()
    .max(35)
    .refine((value) => value === '' || isLocale(value), 'Choose a language and region from the list.')
    .transform((value) => value || null),
});

export interface Profile {
  name: string | null;
  email: string;
  avatarUrl: string | null;
  /** null: the workspace's. */
  timeZone: string | null;
  /** null: the workspace's. */
  locale: string | null;
}


export async function getProfile(tenant: TenantContext, member: Member): Promise<Profile> {
  const membership = await tenantDb(tenant.id).membership.findUniqueOrThrow({
    where: { id: member.membershipId },
    select: { avatarAssetId: true, timeZone: true, locale: true, user: { select: { name: true, email: true } } },
  });
  return {
    name: membership.user.name,
    email: membership.user.email,
    avatarUrl: membership.avatarAssetId ? avatarPath(membership.avatarAssetId) : null,
    timeZone: membership.timeZone,
    locale: membership.locale,
  };
}

export async function updateProfile(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<Profile> {
  const values = parseInput(profileSchema, input);
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await tx.membership.update({ where: { id: member.membershipId }, data: { timeZone: values.timeZone, locale: values.locale } });
    // The user row is not tenant-scoped: this member's own row, by id.
    await db.user.update({ where: { id: member.userId }, data: { name: values.name } });
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: member.userId, email: member.email }, action: 'account.profile_updated', target: { type: 'user', id: member.userId }, ip, metadata: values });
  });
  return getProfile(tenant, member);
}

/** The verified type of an avatar upload, or a clear 4xx: the bytes decide, not the declared type. */
export function validateAvatar(bytes: Buffer): string {
  if (bytes.length === 0) throw new AppError(400, 'bad_request', 'The file is empty.');
  if (bytes.length > AVATAR_MAX_BYTES) throw new AppError(413, 'payload_too_large', `The picture must be at most ${AVATAR_MAX_BYTES / 1024 / 1024} MB.`);
  const type = sniffImageType(bytes);
  if (!type || !(AVATAR_TYPES as readonly string[]).includes(type)) throw new AppError(415, 'unsupported_media_type', 'The picture must be a PNG, JPEG or WebP image.');
  let size: { width: number; height: number };
  try {
    size = imageSize(new Uint8Array(bytes));
  } catch {
    throw new AppError(400, 'bad_request', 'The picture could not be read: the file is damaged or not really an image.');
  }
  const { width, height } = size;
  if (width < AVATAR_MIN_SIDE || height < AVATAR_MIN_SIDE) throw new AppError(400, 'bad_request', `The picture must be at least ${AVATAR_MIN_SIDE}×${AVATAR_MIN_SIDE} pixels (this one is ${width}×${height}).`);
  if (width > AVATAR_MAX_SIDE || height > AVATAR_MAX_SIDE) throw new AppError(400, 'bad_request', `The picture must be at most ${AVATAR_MAX_SIDE}×${AVATAR_MAX_SIDE} pixels.`);
  if (width !== height) throw new AppError(400, 'bad_request', `The picture must be square (this one is ${width}×${height}): crop it first.`);
  return type;
}

/** Stores a new picture for the member, drops the previous one; returns its URL. */
export async function uploadAvatar(tenant: TenantContext, member: Member, bytes: Buffer, ip: string | null = null): Promise<string> {
  const contentType = validateAvatar(bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const previous = await tx.membership.findUniqueOrThrow({ where: { id: member.membershipId }, select: { avatarAssetId: true } });
    const asset = await tx.asset.create({ data: { tenantId: tenant.id, kind: 'avatar', contentType, size: bytes.length, sha256, data: new Uint8Array(bytes) }, select: { id: true } });
    await tx.membership.update({ where: { id: member.membershipId }, data: { avatarAssetId: asset.id } });
    if (previous.avatarAssetId) await tx.asset.deleteMany({ where: { id: previous.avatarAssetId, kind: 'avatar' } });
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: member.userId, email: member.email }, action: 'account.avatar_uploaded', target: { type: 'asset', id: asset.id }, ip, metadata: { contentType, size: bytes.length } });
    return avatarPath(asset.id);
  });
}

export async function removeAvatar(tenant: TenantContext, member: Member, ip: string | null = null): Promise<void> {
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const previous = await tx.membership.findUniqueOrThrow({ where: { id: member.membershipId }, select: { avatarAssetId: true } });
    if (!previous.avatarAssetId) return;
    await tx.membership.update({ where: { id: member.membershipId }, data: { avatarAssetId: null } });
    await tx.asset.deleteMany({ where: { id: previous.avatarAssetId, kind: 'avatar' } });
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: member.userId, email: member.email }, action: 'account.avatar_removed', target: { type: 'user', id: member.userId }, ip });
  });
}

/** A member's picture, for the workspace's own members only (null: not here). */
export async function getAvatar(tenantId: string, assetId: string) {
  return tenantDb(tenantId).asset.findFirst({ where: { id: assetId, kind: 'avatar' }, select: { contentType: true, data: true, sha256: true, size: true } });
}
