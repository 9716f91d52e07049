import type { SAMLSSORecord } from '@boxyhq/saml-jackson';
import { saml20 } from './saml20.ts';
import { z } from 'zod';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { hasUrlCredentials, URL_CREDENTIALS_MESSAGE } from '../http/outbound-url.ts';
import { conflict, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { allowLocalhost } from '../webhooks/endpoints.ts';
import type { LookupFn } from '../webhooks/ssrf-guard.ts';
import { fetchIdpMetadata, MetadataFetchError } from './fetch-idp-metadata.ts';
import { getJackson } from './jackson.ts';
import { jacksonErrorMessage } from './jackson-error.ts';
import { INTERNAL_REDIRECT_URI, SSO_PRODUCT } from './sp-identity.ts';
import { assertSsoAvailable } from './sso-available.ts';

// SAML connections of a workspace. Jackson keeps the IdP metadata (encrypted, in its own
// schema); SsoConnection ties Jackson's client id to the workspace for our queries and audit.

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
  /** When the IdP's signing certificate expires. */
  certificateValidTo: string | null;
  createdAt: string;
}

function toView(row: { id: string; name: string; jacksonClientId: string; createdAt: Date }, record: SAMLSSORecord | undefined): SsoConnectionView {
  const meta = record?.idpMetadata;
  return {
    id: row.id,
    name: row.name,
    idpEntityId: meta?.entityID ?? null,
    idpSsoUrl: meta?.sso.redirectUrl ?? meta?.sso.postUrl ?? null,
    provider: meta?.friendlyProviderName ?? meta?.provider ?? null,
    certificateValidTo: meta?.validTo ? new Date(meta.validTo).toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function jacksonRecords(tenantId: string): Promise<Map<string, SAMLSSORecord>> {
  const { connectionAPIController } = await getJackson();
  const records = (await connectionAPIController.getConnections({ tenant: tenantId, product: SSO_PRODUCT })) as SAMLSSORecord[];
  return new Map(records.map((record) => [record.clientID, record]));
}

export async function listSsoConnections(tenantId: string): Promise<SsoConnectionView[]> {
  const rows = await tenantDb(tenantId).ssoConnection.findMany({ orderBy: { createdAt: 'asc' } });
  if (rows.length === 0) return [];
  const records = await jacksonRecords(tenantId);
  return rows.map((row) => toView(row, records.get(row.jacksonClientId)));
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
  if ((await tenantDb(tenant.id).ssoConnection.count()) >= MAX_CONNECTIONS) throw conflict(`A workspace can have at most ${MAX_CONNECTIONS} SAML connections.`);

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
  try {
    // Jackson's own parser, first: whatever it chokes on is the metadata's fault, not ours.
    await saml20.parseMetadata(rawMetadata, {});
  } catch (error) {
    throw validationFailed({ [field]: `The metadata could not be read: ${(error as Error).message.split('\n')[0]}` });
  }

  const { connectionAPIController } = await getJackson();
  let record: SAMLSSORecord;
  try {
    record = await connectionAPIController.createSAMLConnection({
      tenant: tenant.id,
      product: SSO_PRODUCT,
      name: data.name,
      rawMetadata,
      redirectUrl: [INTERNAL_REDIRECT_URI],
      defaultRedirectUrl: INTERNAL_REDIRECT_URI,
    });
  } catch (error) {
    const message = jacksonErrorMessage(error);
    if (!message) throw error;
    if (/already exists for different tenant/i.test(message)) throw conflict('This identity provider is already connected to another workspace.', { [field]: 'This identity provider is already connected to another workspace.' });
    throw validationFailed({ [field]: `The metadata was refused: ${message}` });
  }
  // Jackson keys a connection by workspace and IdP entity id: the same IdP again replaces its metadata.
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const updating = (await tx.ssoConnection.count({ where: { jacksonClientId: record.clientID } })) > 0;
    const saved = updating
      ? await tx.ssoConnection.update({ where: { jacksonClientId: record.clientID }, data: { name: data.name } })
      : await tx.ssoConnection.create({ data: { tenantId: tenant.id, jacksonClientId: record.clientID, name: data.name, createdById: actor.userId } });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: actor.userId, email: actor.email },
      action: updating ? 'sso.connection_updated' : 'sso.connection_created',
      target: { type: 'sso_connection', id: saved.id },
      ip,
      metadata: { name: data.name, idpEntityId: record.idpMetadata.entityID, ...(data.metadataUrl ? { metadataUrl: data.metadataUrl } : {}) },
    });
    return saved;
  });
  return toView(row, record);
}

export async function deleteSsoConnection(tenant: TenantContext, actor: Member, connectionId: string, ip: string | null = null): Promise<void> {
  assertCan(actor.role, 'settings.manage');
  const row = await tenantDb(tenant.id).ssoConnection.findUnique({ where: { id: connectionId } });
  if (!row) throw notFound('No such SAML connection in this workspace.');
  const { connectionAPIController } = await getJackson();
  const [record] = (await connectionAPIController.getConnections({ clientID: row.jacksonClientId })) as SAMLSSORecord[];
  // Ours first: from this moment no sign-in through it is accepted, even if Jackson's delete fails.
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await tx.ssoConnection.delete({ where: { id: row.id } });
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: actor.userId, email: actor.email }, action: 'sso.connection_deleted', target: { type: 'sso_connection', id: row.id }, ip, metadata: { name: row.name, idpEntityId: record?.idpMetadata.entityID ?? null } });
  });
  if (record && record.tenant === tenant.id) await connectionAPIController.deleteConnections({ clientID: record.clientID, clientSecret: record.clientSecret });
}

/** The connection row for a Jackson client id, only if it belongs to this tenant. */
export async function findTenantConnection(tenantId: string, jacksonClientId: string) {
  return db.ssoConnection.findFirst({ where: { tenantId, jacksonClientId } });
}
