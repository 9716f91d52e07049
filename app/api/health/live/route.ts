import { livenessResponse } from '@/lib/health/liveness';
import { platformRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** Liveness: 200 while the process runs; touches no database. */
export const GET = platformRoute({ host: 'any' }, async () => livenessResponse());
