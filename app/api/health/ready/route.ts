import { readinessResponse } from '@/lib/health/readiness';
import { platformRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when this instance should get traffic; 503 naming the failed check, or while stopping. */
export const GET = platformRoute({ host: 'any' }, () => readinessResponse());
