import { api } from '@/lib/http/api-client';
import {
  habitDetailSchema,
  habitPageSchema,
  habitSchema,
  logResultSchema,
  unlogResultSchema,
  type CreateHabitInput,
  type HabitDetail,
  type HabitPage,
  type HabitSort,
  type HabitView,
  type LogResult,
} from '@/lib/habits/habit-schema';
import type { LocalDate } from '@/lib/habits/local-date';

// The browser's calls to the habit routes. Answers are parsed with the same schemas the
// server builds them from, so a drift between the two fails here, loudly.

export const habitKeys = {
  all: ['habits'] as const,
  list: ['habits', 'list'] as const,
  /** The habits page's paginated views (HabitPage). */
  pages: ['habits', 'page'] as const,
  page: (filters: HabitFilters) => ['habits', 'page', filters] as const,
  detail: (habitId: string) => ['habits', 'detail', habitId] as const,
};

const base = '/api/app/habits';
const path = (habitId: string) => `${base}/${encodeURIComponent(habitId)}`;

export interface HabitPatch {
  name?: string;
  description?: string | null;
  schedule?: HabitView['schedule'];
  scheduleDays?: number[];
  timesPerWeek?: number | null;
  archived?: boolean;
}

/** The habits page's filters as the URL and the UI hold them ('' = not filtered). */
export interface HabitFilters {
  q: string;
  status: 'active' | 'archived' | 'all';
  today: '' | 'due' | 'done';
  sort: HabitSort;
  page: number;
}

export function habitSearchParams(filters: HabitFilters): Record<string, string> {
  const query: Record<string, string> = { status: filters.status, sort: filters.sort, page: String(filters.page) };
  if (filters.q) query.q = filters.q;
  if (filters.today) query.today = filters.today;
  return query;
}

/** The habits page's URL → filters; unknown values fall back to the defaults. */
export function parseHabitFilters(query: Record<string, string | string[] | undefined>): HabitFilters {
  const one = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '');
  const page = Number.parseInt(one('page'), 10);
  const status = one('status');
  const today = one('today');
  const sort = one('sort');
  return {
    q: one('q').trim().slice(0, 100),
    status: status === 'archived' || status === 'all' ? status : 'active',
    today: today === 'due' || today === 'done' ? today : '',
    sort: sort === 'name' || sort === 'streak' ? sort : 'created',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export async function fetchHabitPage(filters: HabitFilters): Promise<HabitPage> {
  return habitPageSchema.parse(await api(`${base}?${new URLSearchParams(habitSearchParams(filters))}`));
}

export async function fetchHabit(habitId: string): Promise<HabitDetail> {
  return habitDetailSchema.parse(await api(path(habitId)));
}

export async function postHabit(input: CreateHabitInput): Promise<HabitView> {
  return habitSchema.parse(await api(base, { method: 'POST', json: input }));
}

export async function patchHabit(habitId: string, patch: HabitPatch): Promise<HabitView> {
  return habitSchema.parse(await api(path(habitId), { method: 'PATCH', json: patch }));
}

export async function removeHabit(habitId: string): Promise<void> {
  await api(path(habitId), { method: 'DELETE' });
}

export async function postLog(habitId: string, date: LocalDate, note: string | null): Promise<LogResult> {
  return logResultSchema.parse(await api(`${path(habitId)}/logs`, { method: 'POST', json: { date, note } }));
}

export async function deleteLog(habitId: string, date: LocalDate): Promise<HabitView> {
  return unlogResultSchema.parse(await api(`${path(habitId)}/logs?date=${date}`, { method: 'DELETE' })).habit;
}
