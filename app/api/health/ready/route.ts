import { readinessResponse } from '@/lib/health/readiness';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when this instance should get traffic; 503 naming the failed check, or while stopping. */
export function GET(): Promise<Response> {
  return readinessResponse();
}
