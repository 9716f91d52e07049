import { livenessResponse } from '@/lib/health/liveness';

export const dynamic = 'force-dynamic';

/** Liveness: 200 while the process runs; touches no database. */
export function GET(): Response {
  return livenessResponse();
}
