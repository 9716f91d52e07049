import { api } from '@/lib/http/api-client';
import type { Leaderboard } from '@/lib/leaderboards/leaderboards';
import type { Period } from '@/lib/leaderboards/periods';
import type { TeamStats } from '@/lib/leaderboards/team-stats';
import type { LiveMessage } from '@/lib/realtime/protocol';

// The browser's calls to the leaderboard routes, their React Query keys, and which live events
// change a board or a team's statistics.

export const leaderboardKeys = {
  all: ['leaderboards'] as const,
  board: (teamId: string | null, period: Period) => ['leaderboards', 'board', teamId ?? 'workspace', period] as const,
  teamStats: (teamId: string) => ['leaderboards', 'team-stats', teamId] as const,
};

export function fetchLeaderboard(teamId: string | null, period: Period): Promise<Leaderboard> {
  const query = new URLSearchParams({ period, ...(teamId ? { teamId } : {}) });
  return api<Leaderboard>(`/api/app/leaderboards?${query}`);
}

export function fetchTeamStats(teamId: string): Promise<TeamStats> {
  return api<TeamStats>(`/api/app/teams/${encodeURIComponent(teamId)}/stats`);
}

/** Events after which figures may have moved (completions, progress, habit logs, members). */
const CHANGING = new Set(['goal.completed', 'goal.updated', 'goal.deleted', 'habit.logged', 'habit.deleted', 'team.member_added', 'team.member_removed']);

/** Whether a live message should refetch leaderboards (a reset refetches everything). */
export function changesLeaderboards(message: LiveMessage): boolean {
  return message.kind === 'reset' || (message.kind === 'event' && CHANGING.has(message.type));
}
