import { z } from 'zod';
import { api } from '@/lib/http/api-client';
import { joinResultSchema, teamDetailSchema, teamSummarySchema, type TeamDetail, type TeamRole } from '@/lib/teams/team-schema';

// The browser's calls to the team routes, answers parsed with the server's own schemas.

export const teamKeys = {
  all: ['teams'] as const,
  list: ['teams', 'list'] as const,
  detail: (teamId: string) => ['teams', 'detail', teamId] as const,
};

export interface TeamSettings {
  name: string;
  description: string;
  visibility: 'public' | 'private';
  joinApprovalRequired: boolean;
  memberCanInvite: boolean;
}

const base = '/api/app/teams';
const path = (teamId: string, ...rest: string[]) => [base, ...[teamId, ...rest].map(encodeURIComponent)].join('/');
const teamListSchema = z.object({ teams: z.array(teamSummarySchema) });
const detail = (answer: unknown): TeamDetail => teamDetailSchema.parse(answer);

export const fetchTeams = async () => teamListSchema.parse(await api(base)).teams;
export const fetchTeam = async (teamId: string) => detail(await api(path(teamId)));
export const postTeam = async (input: TeamSettings & { leadUserId: string | null }) => detail(await api(base, { method: 'POST', json: input }));
export const patchTeam = async (teamId: string, patch: Partial<TeamSettings>) => detail(await api(path(teamId), { method: 'PATCH', json: patch }));
export const deleteTeam = (teamId: string) => api<void>(path(teamId), { method: 'DELETE' });

export const postJoin = async (teamId: string) => joinResultSchema.parse(await api(path(teamId, 'join'), { method: 'POST' }));
export const postLeave = (teamId: string) => api<void>(path(teamId, 'leave'), { method: 'POST' });
export const cancelRequest = (teamId: string, requestId: string) => api<void>(path(teamId, 'requests', requestId), { method: 'DELETE' });
export const decideRequest = async (teamId: string, requestId: string, status: 'approved' | 'rejected') =>
  detail(await api(path(teamId, 'requests', requestId), { method: 'PATCH', json: { status } }));

export const postMember = async (teamId: string, input: { userId: string; role: TeamRole }) => detail(await api(path(teamId, 'members'), { method: 'POST', json: input }));
export const patchMember = async (teamId: string, userId: string, role: TeamRole) => detail(await api(path(teamId, 'members', userId), { method: 'PATCH', json: { role } }));
export const deleteMember = (teamId: string, userId: string) => api<void>(path(teamId, 'members', userId), { method: 'DELETE' });
