import { operatorRoute } from '@/lib/http/route';
import { parsePlatformAuditQuery, PLATFORM_AUDIT_CSV_HEADER, platformAuditCsvLine, platformAuditForExport } from '@/lib/platform/platform-audit-query';

/** The platform audit log with the page's filters (action, targetType, targetId, actor) as CSV, streamed. */
export const GET = operatorRoute({}, async ({ req }) => {
  const rows = platformAuditForExport(parsePlatformAuditQuery(Object.fromEntries(req.nextUrl.searchParams)));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(PLATFORM_AUDIT_CSV_HEADER.join(',') + '\r\n'));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(platformAuditCsvLine(next.value)));
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="platform-audit-${date}.csv"`, 'cache-control': 'no-store' } });
});
