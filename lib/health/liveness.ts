/**
 * The answer of GET /api/health/live: the process runs and serves requests. It asks nothing
 * else (no database, no queue), so an outage of those never gets healthy processes restarted.
 */
export function livenessResponse(): Response {
  return Response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'cache-control': 'no-store' } });
}
