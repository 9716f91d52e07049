import { id, workspaceRoute } from '@/lib/http/route';
import { downloadWorkspaceExport } from '@/lib/privacy/workspace-export';

/** The workspace's ZIP, for its owners. Audited. */
export const GET = workspaceRoute({ permission: 'workspace.export', params: { exportId: id } }, async ({ tenant, member, params, ip }) => {
  const { bytes, filename } = await downloadWorkspaceExport(tenant, member, params.exportId, ip);
  return new Response(Buffer.from(bytes), {
    headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'private, no-store' },
  });
});
