import type { Member } from '../auth/session.ts';
import { listInsights } from '../insights/list-insights.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

// The member's insights as the coach reads them: listInsights' (their own and their teams'
// active, not dismissed insights; team insights are counts, never a teammate's habit), each
// as its kind, what it is about and the numbers behind it.

const MAX_INSIGHTS = 10;

export interface CoachInsight {
  kind: string;
  subject: string;
  /** The team's name on a team's insight: the coach should say it is the team's, not the member's. */
  team: string | null;
  data: Record<string, unknown>;
}

export async function insightsForCoach(tenant: TenantContext, member: Member, now: Date): Promise<CoachInsight[]> {
  const insights = await listInsights(tenant, member, { now, limit: MAX_INSIGHTS });
  return insights.map((insight) => ({
    kind: insight.kind,
    subject: insight.goal ? `${insight.subject.name} (${insight.goal.title})` : insight.subject.name,
    team: insight.scope === 'team' ? insight.teamName : null,
    data: insight.data,
  }));
}
