import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { hasUrlCredentials, URL_CREDENTIALS_MESSAGE } from '../http/outbound-url.ts';
import { conflict, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { allowLocalhost } from '../webhooks/endpoints.ts';
import type { LookupFn } from '../webhooks/ssrf-guard.ts';
import { fetchIdpMetadata, MetadataFetchError } from './fetch-idp-metadata.ts';
import type { SsoConnection } from '../db/generated/client.ts';
import { readIdpMetadata, type IdpMetadata } from './idp-metadata.ts';
import { acsUrl, spMetadataUrl } from './sp-identity.ts';
import { assertSsoAvailable } from './sso-available.ts';

// SAML connections of a workspace: the IdP's entity id, sign-in URL and signing certificates,
// read from the metadata an admin pasted or linked (public data: kept in plain columns).
// A workspace may have several (one per IdP); each SSO domain says which one its people use.

export const MAX_CONNECTIONS = 5;
const MAX_METADATA_CHARS = 500_000;

export const createConnectionSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the connection, e.g. Okta.').max(80, 'Use at most 80 characters.'),
    metadataXml: z.string().trim().max(MAX_METADATA_CHARS, 'The metadata is too large.').optional(),
    metadataUrl: z.string().trim().max(2000, 'Use at most 2000 characters.').refine((value) => !hasUrlCredentials(value), URL_CREDENTIALS_MESSAGE).optional(),
  })
  .refine((value) => !!value.metadataXml !== !!value.metadataUrl, { message: 'Paste the IdP metadata XML or give its URL (one of the two).', path: ['metadataXml'] });

export interface SsoConnectionView {
  id: string;
  name: string;
  /** The IdP's entity id (issuer) and sign-in URL, from its metadata. */
  idpEntityId: string | null;
  idpSsoUrl: string | null;
  provider: string | null;
  /** When the IdP's signing certificate expires (the first to expire of several). */
  certificateValidTo: string | null;
  /** The ACS URL to give this IdP: it names the connection, so a response is checked against this connection only. */
  acsUrl: string;
  /** SP metadata for this connection (its ACS URL). */
  metadataUrl: string;
  idpInitiated: boolean;
  /** The SSO domains bound to it (its people sign in through it). */
  domains: string[];
  createdAt: string;
}

type ConnectionRow = Pick<SsoConnection, 'id' | 'name' | 'idpEntityId' | 'idpSsoUrl' | 'idpCertificates' | 'idpInitiated' | 'createdAt'> & { domains: { domain: string }[] };

const withDomains = { domains: { select: { domain: true }, orderBy: { domain: 'asc' } } } as const;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

function certificateValidTo(pems: string[]): string | null {
  const dates = pems.flatMap((pem) => {
    try {
      return [new Date(new X509Certificate(pem).validTo).getTime()];
    } catch {
      return [];
    }
  });
  return dates.length ? new Date(Math.min(...dates)).toISOString() : null;
}

function toView(row: ConnectionRow): SsoConnectionView {
  return {
    id: row.id,
    name: row.name,
    idpEntityId: row.idpEntityId || null,
    idpSsoUrl: row.idpSsoUrl || null,
    provider: hostOf(row.idpEntityId) ?? hostOf(row.idpSsoUrl),
    certificateValidTo: certificateValidTo(row.idpCertificates),
    acsUrl: acsUrl(row.id),
    metadataUrl: spMetadataUrl(row.id),
    idpInitiated: row.idpInitiated,
    domains: row.domains.map((d) => d.domain),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listSsoConnections(tenantId: string): Promise<SsoConnectionView[]> {
  const rows = await tenantDb(tenantId).ssoConnection.findMany({ orderBy: { createdAt: 'asc' }, include: withDomains });
  return rows.map(toView);
}

export interface CreateConnectionDeps {
  /** Tests resolve the metadata URL's host through their own DNS. */
  lookup?: LookupFn;
  allowLocalhost?: boolean;
}

export async function createSsoConnection(tenant: TenantContext, actor: Member, input: unknown, ip: string | null = null, deps: CreateConnectionDeps = {}): Promise<SsoConnectionView> {
  assertCan(actor.role, 'settings.manage');
  await assertSsoAvailable(tenant);
  const data = parseInput(createConnectionSchema, input);

  let rawMetadata = data.metadataXml;
  if (data.metadataUrl) {
    try {
      rawMetadata = await fetchIdpMetadata(data.metadataUrl, { allowLocalhost: deps.allowLocalhost ?? allowLocalhost(), lookup: deps.lookup });
    } catch (error) {
      if (error instanceof MetadataFetchError) throw validationFailed({ metadataUrl: error.message });
      throw error;
    }
  }
  const field = data.metadataUrl ? 'metadataUrl' : 'metadataXml';
  if (!rawMetadata || !rawMetadata.includes('EntityDescriptor')) throw validationFailed({ [field]: 'This is not SAML metadata: expected an EntityDescriptor with an IDPSSODescriptor.' });
  let idp: IdpMetadata;
  try {
    idp = await readIdpMetadata(rawMetadata);
  } catch (error) {
    throw validationFailed({ [field]: `The metadata could not be read: ${(error as Error).message.split('\n')[0]}` });
  }

  // Within a workspace, the same IdP again replaces its metadata. Another workspace connecting
  // the same IdP is no concern of this one: each response is checked against one connection.
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const existing = await tx.ssoConnection.findFirst({ where: { idpEntityId: idp.entityId }, select: { id: true } });
    if (!existing && (await tx.ssoConnection.count()) >= MAX_CONNECTIONS) throw conflict(`A workspace can have at most ${MAX_CONNECTIONS} SAML connections.`);
    const fields = { name: data.name, idpEntityId: idp.entityId, idpSsoUrl: idp.ssoUrl, idpSsoBinding: idp.ssoBinding, idpCertificates: idp.certificates };
    const first = !existing && (await tx.ssoConnection.count()) === 0;
    const saved = existing
      ? await tx.ssoConnection.update({ where: { id: existing.id }, data: fields })
      : await tx.ssoConnection.create({ data: { tenantId: tenant.id, createdById: actor.userId, ...fields } });
    // The first connection is the only choice: the domains added before it sign in through it.
    if (first) await tx.ssoDomain.updateMany({ where: { connectionId: null }, data: { connectionId: saved.id } });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: actor.userId, email: actor.email },
      action: existing ? 'sso.connection_updated' : 'sso.connection_created',
      target: { type: 'sso_connection', id: saved.id },
      ip,
      metadata: { name: data.name, idpEntityId: idp.entityId, ...(data.metadataUrl ? { metadataUrl: data.metadataUrl } : {}) },
    });
    return tx.ssoConnection.findUniqueOrThrow({ where: { id: saved.id }, include: withDomains });
  });
  return toView(row);
}

export const updateConnectionSchema = z.object({ idpInitiated: z.boolean() }).strict();

/** Turns sign-in from the IdP's dashboard (unsolicited responses to the connection's ACS URL) on or off. */
export async function updateSsoConnection(tenant: TenantContext, actor: Member, connectionId: string, input: unknown, ip: string | null = null): Promise<SsoConnectionView> {
  assertCan(actor.role, 'settings.manage');
  const data = parseInput(updateConnectionSchema, input);
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const row = await tx.ssoConnection.findUnique({ where: { id: connectionId } });
    if (!row) throw notFound('No such SAML connection in this workspace.');
    const saved = await tx.ssoConnection.update({ where: { id: row.id }, data: { idpInitiated: data.idpInitiated }, include: withDomains });
    if (row.idpInitiated !== data.idpInitiated) {
      await recordAudit(tx, { tenantId: tenant.id, actor: { id: actor.userId, email: actor.email }, action: 'sso.connection_updated', target: { type: 'sso_connection', id: row.id }, ip, metadata: { name: row.name, idpInitiated: data.idpInitiated } });
    }
    return toView(saved);
  });
}

export async function deleteSsoConnection(tenant: TenantContext, actor: Member, connectionId: string, ip: string | null = null): Promise<void> {
  assertCan(actor.role, 'settings.manage');
  const row = await tenantDb(tenant.id).ssoConnection.findUnique({ where: { id: connectionId } });
  if (!row) throw notFound('No such SAML connection in this workspace.');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const domains = (await tx.ssoDomain.findMany({ where: { connectionId: row.id }, select: { domain: true } })).map((d) => d.domain);
    // Its domains are left with no IdP: "Require SSO" ends with it, so their people can still sign in.
    await tx.ssoDomain.updateMany({ where: { connectionId: row.id }, data: { connectionId: null, requireSso: false } });
    await tx.ssoConnection.delete({ where: { id: row.id } });
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: actor.userId, email: actor.email }, action: 'sso.connection_deleted', target: { type: 'sso_connection', id: row.id }, ip, metadata: { name: row.name, idpEntityId: row.idpEntityId || null, unboundDomains: domains } });
  });
}
