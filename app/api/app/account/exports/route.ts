import { workspaceRoute } from '@/lib/http/route';
import { listExports, requestExport } from '@/lib/privacy/export';

/** The member's data exports of the last 7 days. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json({ exports: await listExports(tenant, member) }));

/** Asks for an export of everything this workspace holds about the member: built by a job, emailed when ready. */
export const POST = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json(await requestExport(tenant, member), { status: 202 }));
