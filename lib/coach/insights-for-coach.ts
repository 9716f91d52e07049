import type { Member } from '../auth/session.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

// The member's insights as the coach reads them. lib/insights (listInsights: the member's own
// and their teams' active insights, nothing of other members) lands on its own branch; until
// it is merged the coach is grounded on goals, habits and streaks alone, and this is the one
// place to wire it: `(await listInsights(tenant, member, { now, limit: 10 })).map(...)`.

export interface CoachInsight {
  kind: string;
  subject: string;
  data: Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the signature listInsights needs, until it is merged
export async function insightsForCoach(tenant: TenantContext, member: Member, now: Date): Promise<CoachInsight[]> {
  return [];
}
