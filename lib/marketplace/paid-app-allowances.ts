import { z } from 'zod';
import { db } from '../db/client.ts';
import { conflict, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { isPaid } from './pricing.ts';
import { pricingOf, PRICE_SELECT } from './version-pricing.ts';

// Without Stripe, a paid app installs only where the platform operator said so (as plans are
// set by hand): a PaidAppAllowance per workspace and app, made and revoked on the operator's
// app page, each change in the platform audit log. Revoking does not uninstall: it only stops
// new installs (the workspace already agreed a price with the operator).

export interface AllowanceView {
  tenantId: string;
  workspace: { slug: string; name: string };
  note: string | null;
  grantedBy: string | null;
  createdAt: string;
  installed: boolean;
}

const allowSchema = z
  .object({
    workspace: z.string().trim().toLowerCase().min(1, 'Enter the workspace’s address (its slug).').max(63, 'Use at most 63 characters.'),
    note: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(500, 'Use at most 500 characters.').nullish()),
  })
  .strict();

async function appOrNotFound(appId: string) {
  const app = await db.marketplaceApp.findUnique({ where: { id: appId }, select: { id: true, slug: true, liveVersion: { select: PRICE_SELECT }, versions: { orderBy: { number: 'desc' }, take: 1, select: PRICE_SELECT } } });
  if (!app) throw notFound('No such app.');
  return app;
}

export async function listPaidAppAllowances(_operator: OperatorActor, appId: string): Promise<AllowanceView[]> {
  await appOrNotFound(appId);
  const rows = await db.paidAppAllowance.findMany({ where: { appId }, orderBy: { createdAt: 'desc' }, select: { tenantId: true, note: true, grantedById: true, createdAt: true, tenant: { select: { slug: true, name: true } } } });
  const [users, installs] = await Promise.all([
    db.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.grantedById ? [r.grantedById] : [])) } }, select: { id: true, email: true } }),
    db.appInstallation.findMany({ where: { appId, uninstalledAt: null, tenantId: { in: rows.map((r) => r.tenantId) } }, select: { tenantId: true } }),
  ]);
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const installed = new Set(installs.map((i) => i.tenantId));
  return rows.map((row) => ({
    tenantId: row.tenantId,
    workspace: row.tenant,
    note: row.note,
    grantedBy: row.grantedById ? (emailOf.get(row.grantedById) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    installed: installed.has(row.tenantId),
  }));
}

/** Allows the app in a workspace (by its slug). Allowing a free app is refused: it needs no say-so. */
export async function allowPaidApp(operator: OperatorActor, appId: string, input: unknown, ip: string | null = null): Promise<AllowanceView[]> {
  const data = parseInput(allowSchema, input);
  const app = await appOrNotFound(appId);
  const shown = app.liveVersion ?? app.versions[0];
  if (!shown || !isPaid(pricingOf(shown))) throw conflict('This app is free: any workspace can install it without an allowance.');
  const tenant = await db.tenant.findUnique({ where: { slug: data.workspace }, select: { id: true, slug: true, sandboxOfPartnerId: true } });
  if (!tenant) throw validationFailed({ workspace: `No workspace has the address “${data.workspace}”.` });
  await db.$transaction(async (tx) => {
    const existing = await tx.paidAppAllowance.findUnique({ where: { tenantId_appId: { tenantId: tenant.id, appId } }, select: { appId: true } });
    if (existing) throw conflict(`${tenant.slug} is already allowed to install this app.`);
    await tx.paidAppAllowance.create({ data: { tenantId: tenant.id, appId, grantedById: operator.userId, note: data.note ?? null } });
    await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: 'paid_app.allowed', target: { type: 'marketplace_app', id: appId }, ip, metadata: { tenantId: tenant.id, workspace: tenant.slug, note: data.note ?? null } });
  });
  return listPaidAppAllowances(operator, appId);
}

/** Stops new installs of the app in the workspace; an existing installation stays. */
export async function revokePaidApp(operator: OperatorActor, appId: string, tenantId: string, ip: string | null = null): Promise<AllowanceView[]> {
  await appOrNotFound(appId);
  await db.$transaction(async (tx) => {
    const removed = await tx.paidAppAllowance.deleteMany({ where: { tenantId, appId } });
    if (removed.count === 0) throw notFound('No such allowance.');
    await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: 'paid_app.revoked', target: { type: 'marketplace_app', id: appId }, ip, metadata: { tenantId } });
  });
  return listPaidAppAllowances(operator, appId);
}
