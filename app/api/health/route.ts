import { db } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

/** Liveness and readiness: 200 when the app can reach its database, 503 when it cannot. */
export async function GET(): Promise<Response> {
  const started = performance.now();
  let database: { status: 'ok' | 'down'; latencyMs?: number; error?: string };
  try {
    await db.$queryRaw`SELECT 1`;
    database = { status: 'ok', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    database = { status: 'down', error: 'The database did not answer.' };
  }
  const ok = database.status === 'ok';
  return Response.json(
    { status: ok ? 'ok' : 'degraded', app: { status: 'ok', uptimeSeconds: Math.round(process.uptime()) }, database },
    { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
