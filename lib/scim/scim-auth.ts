import { clientIp } from '../auth/client-ip.ts';
import { db } from '../db/client.ts';
import { readTrusted } from '../http/trusted-headers.ts';
import { getTenantById } from '../tenancy/tenant-cache.ts';
import { isServable } from '../tenancy/tenant-context.ts';
import { scimBaseUrl, type DirectoryContext } from './directory-context.ts';
import { assertScimAvailable } from './scim-plan.ts';
import { scimForbidden, scimNotFound, scimUnauthorized } from './scim-errors.ts';
import { hashScimToken, tokenMatches } from './scim-token.ts';

// Who is calling: the directory in the URL, proven by its bearer token (compared in constant
// time with the stored SHA-256). An unknown directory and a wrong token get the same 401. The
// directory names its workspace; on a workspace's own host it must be that workspace's (404
// otherwise), and on the root domain any directory may be reached.

const DUMMY_HASH = hashScimToken('no such directory');

export async function authenticateDirectory(req: Request, directoryId: string): Promise<DirectoryContext> {
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(req.headers.get('authorization') ?? '');
  if (!match) throw scimUnauthorized('Send the directory\'s token as "Authorization: Bearer <token>".');
  const row = directoryId.length <= 64 ? await db.scimDirectory.findUnique({ where: { id: directoryId }, select: { id: true, name: true, tenantId: true, tokenHash: true } }) : null;
  // Compare even when there is no such directory, so timing does not tell which ids exist.
  const valid = tokenMatches(match[1], row?.tokenHash ?? DUMMY_HASH) && row !== null;
  if (!valid) throw scimUnauthorized();
  const hostTenantId = readTrusted(req.headers).tenantId;
  if (hostTenantId && hostTenantId !== row.tenantId) throw scimNotFound('There is no such directory on this host.');
  const tenant = await getTenantById(row.tenantId);
  if (!tenant) throw scimUnauthorized();
  if (!isServable(tenant.status)) throw scimForbidden(`The ${tenant.name} workspace is ${tenant.status}; provisioning is paused.`);
  // 403 plan_upgrade_required, answered as a SCIM error (403, the plan that includes it as the detail).
  await assertScimAvailable(tenant);
  return { directory: { id: row.id, name: row.name, tenantId: row.tenantId }, tenant, baseUrl: scimBaseUrl(tenant.slug, row.id), ip: clientIp(req.headers) };
}

