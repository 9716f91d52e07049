import { readinessResponse } from '@/lib/health/readiness';

export const dynamic = 'force-dynamic';

/** The original health route, kept for existing probes: it answers like /api/health/ready. */
export function GET(): Promise<Response> {
  return readinessResponse();
}
