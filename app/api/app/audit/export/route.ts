import { AUDIT_CSV_HEADER, auditCsvLine, auditQuerySchema, auditRowsForExport } from '@/lib/audit/audit-query';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** The filtered audit log as CSV, streamed so a long history never sits in memory. */
export const GET = withErrors(
  withMember('audit.read', async (req, { tenant }) => {
    const query = auditQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
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
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="audit-${tenant.slug}-${date}.csv"`, 'cache-control': 'no-store' },
    });
  }),
);
