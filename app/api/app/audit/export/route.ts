import { AUDIT_CSV_HEADER, auditCsvLine, auditQuerySchema, auditRowsForExport } from '@/lib/audit/audit-query';
import { workspaceRoute } from '@/lib/http/route';

/** The filtered audit log as CSV, streamed so a long history never sits in memory. */
export const GET = workspaceRoute({ permission: 'audit.read', query: auditQuerySchema }, async ({ tenant, query }) => {
  const rows = auditRowsForExport(tenant.id, query);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(AUDIT_CSV_HEADER.join(',') + '\r\n'));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditCsvLine(next.value)));
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="audit-${tenant.slug}-${date}.csv"` },
  });
});
