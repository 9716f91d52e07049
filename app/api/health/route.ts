import { readinessResponse } from '@/lib/health/readiness';
import { platformRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** The original health route, kept for existing probes: it answers like /api/health/ready. */
export const GET = platformRoute({ host: 'any' }, () => readinessResponse());
