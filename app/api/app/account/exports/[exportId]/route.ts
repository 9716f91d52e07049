import { id, workspaceRoute } from '@/lib/http/route';
import { downloadExport } from '@/lib/privacy/export';

/** The ZIP, for the member whose data it is. */
export const GET = workspaceRoute({ permission: 'workspace.read', params: { exportId: id } }, async ({ tenant, member, params }) => {
  const { bytes, filename } = await downloadExport(tenant, member, params.exportId);
  return new Response(Buffer.from(bytes), {
    headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'private, no-store' },
  });
});
