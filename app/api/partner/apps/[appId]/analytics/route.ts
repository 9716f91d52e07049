import { z } from 'zod';
import { parseInput } from '@/lib/http/problem';
import { id, partnerRoute } from '@/lib/http/route';
import { partnerInstallStats } from '@/lib/marketplace/install-stats';

const DAYS = 'Use a whole number of days from 1 to 366.';
const analyticsQuery = z.object({ days: z.coerce.number({ message: DAYS }).int(DAYS).min(1, DAYS).max(366, DAYS).default(30) });

/** Installs, uninstalls, active installs and API requests per UTC day (?days=1..366, default 30). */
export const GET = partnerRoute({ need: 'view', params: { appId: id } }, async ({ actor, params, req }) => {
  const { days } = parseInput(analyticsQuery, Object.fromEntries(req.nextUrl.searchParams));
  return Response.json(await partnerInstallStats(actor, params.appId, { days }));
});
