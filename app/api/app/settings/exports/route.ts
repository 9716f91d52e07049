import { workspaceRoute } from '@/lib/http/route';
import { listWorkspaceExports, requestWorkspaceExport } from '@/lib/privacy/workspace-export';

/** The workspace's exports of the last 7 days (owners). */
export const GET = workspaceRoute({ permission: 'workspace.export' }, async ({ tenant }) => Response.json({ exports: await listWorkspaceExports(tenant) }));

/** Asks for an export of the whole workspace: built by a job, emailed to the owner when ready. Audited. */
export const POST = workspaceRoute({ permission: 'workspace.export' }, async ({ tenant, member, ip }) => Response.json(await requestWorkspaceExport(tenant, member, ip), { status: 202 }));
