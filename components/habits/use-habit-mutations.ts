'use client';

import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { HabitDetail, HabitPage, HabitView } from '@/lib/habits/habit-schema';
import type { LocalDate } from '@/lib/habits/local-date';
import { deleteLog, habitKeys, patchHabit, postHabit, postLog, removeHabit, type HabitPatch } from './habit-requests';
import { withDetailLog, withLog, withPatch } from './optimistic';

// Mutations of the habit caches (the list and each habit's page). Quick actions are
// optimistic: onMutate changes the cache, onError puts the snapshot back, onSettled
// refetches what the server now says. The dashboard shows habits too, so it is refreshed.

interface Snapshot {
  list?: HabitView[];
  detail?: HabitDetail;
}

async function snapshot(client: QueryClient, habitId: string): Promise<Snapshot> {
  await client.cancelQueries({ queryKey: habitKeys.all });
  return { list: client.getQueryData<HabitView[]>(habitKeys.list), detail: client.getQueryData<HabitDetail>(habitKeys.detail(habitId)) };
}

function restore(client: QueryClient, habitId: string, saved: Snapshot | undefined): void {
  if (!saved) return;
  client.setQueryData(habitKeys.list, saved.list);
  client.setQueryData(habitKeys.detail(habitId), saved.detail);
}

/** Puts the server's view of a habit into both caches (the detail keeps its history). */
function store(client: QueryClient, habit: HabitView): void {
  client.setQueryData<HabitView[]>(habitKeys.list, (rows) => rows?.map((row) => (row.id === habit.id ? habit : row)));
  client.setQueryData<HabitDetail>(habitKeys.detail(habit.id), (detail) => detail && { ...detail, ...habit });
}

function refresh(client: QueryClient, queryKey: readonly string[] = habitKeys.all): Promise<unknown> {
  return Promise.all([client.invalidateQueries({ queryKey }), client.invalidateQueries({ queryKey: ['dashboard'] })]);
}

interface LogChange {
  habitId: string;
  date: LocalDate;
  /** true logs the day, false takes its log back. */
  logged: boolean;
  note?: string | null;
}

/** Logs or takes back one day of a habit. */
export function useLogHabit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ habitId, date, logged, note = null }: LogChange) => (logged ? postLog(habitId, date, note).then((result) => result.habit) : deleteLog(habitId, date)),
    onMutate: async ({ habitId, date, logged, note = null }) => {
      const saved = await snapshot(client, habitId);
      client.setQueryData<HabitView[]>(habitKeys.list, (rows) => rows?.map((row) => (row.id === habitId ? withLog(row, date, logged) : row)));
      client.setQueriesData<HabitPage>({ queryKey: habitKeys.pages }, (page) => page && { ...page, habits: page.habits.map((row) => (row.id === habitId ? withLog(row, date, logged) : row)) });
      client.setQueryData<HabitDetail>(habitKeys.detail(habitId), (detail) => detail && withDetailLog(detail, date, logged, note));
      return saved;
    },
    onError: (_error, { habitId }, saved) => restore(client, habitId, saved),
    onSuccess: (habit) => store(client, habit),
    onSettled: () => refresh(client),
  });
}

/** Not optimistic: the new habit appears with the id and streaks the server gives it. */
export function useCreateHabit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: postHabit,
    onSuccess: (habit) => {
      client.setQueryData<HabitView[]>(habitKeys.list, (rows) => {
        if (!rows) return rows;
        const active = rows.filter((row) => row.archivedAt === null);
        return [...active, habit, ...rows.filter((row) => row.archivedAt !== null)];
      });
    },
    onSettled: () => refresh(client),
  });
}

/** Edits, archives and restores. */
export function useUpdateHabit(habitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: HabitPatch) => patchHabit(habitId, patch),
    onMutate: async (patch) => {
      const saved = await snapshot(client, habitId);
      client.setQueryData<HabitView[]>(habitKeys.list, (rows) => rows?.map((row) => (row.id === habitId ? withPatch(row, patch) : row)));
      client.setQueryData<HabitDetail>(habitKeys.detail(habitId), (detail) => detail && withPatch(detail, patch));
      return saved;
    },
    onError: (_error, _patch, saved) => restore(client, habitId, saved),
    onSuccess: (habit) => store(client, habit),
    onSettled: () => refresh(client),
  });
}

export function useDeleteHabit(habitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => removeHabit(habitId),
    onMutate: async () => {
      const saved = await snapshot(client, habitId);
      client.setQueryData<HabitView[]>(habitKeys.list, (rows) => rows?.filter((row) => row.id !== habitId));
      return saved;
    },
    onError: (_error, _vars, saved) => restore(client, habitId, saved),
    // Not the habit's own query: its page is still showing it until the browser leaves.
    onSettled: () => Promise.all([refresh(client, habitKeys.list), refresh(client, habitKeys.pages)]),
  });
}
