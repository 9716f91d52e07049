import { api } from '@/lib/http/api-client';
import {
  habitDetailSchema,
  habitListSchema,
  habitSchema,
  logResultSchema,
  unlogResultSchema,
  type CreateHabitInput,
  type HabitDetail,
  type HabitView,
  type LogResult,
} from '@/lib/habits/habit-schema';
import type { LocalDate } from '@/lib/habits/local-date';

// The browser's calls to the habit routes. Answers are parsed with the same schemas the
// server builds them from, so a drift between the two fails here, loudly.

export const habitKeys = {
  all: ['habits'] as const,
  list: ['habits', 'list'] as const,
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

export async function fetchHabits(): Promise<HabitView[]> {
  return habitListSchema.parse(await api(base)).habits;
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
