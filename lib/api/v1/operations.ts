import type { z } from 'zod';
import type { Scope } from '../../api-keys/scopes.ts';
import { AnalyticsOverview } from './schemas/analytics.ts';
import { GoalCreate, GoalList, GoalListQuery, GoalResource, GoalUpdate } from './schemas/goal.ts';
import { HabitCreate, HabitList, HabitListQuery, HabitLogCreate, HabitLogList, HabitLogListQuery, HabitLogResult, HabitResource, HabitUpdate } from './schemas/habit.ts';
import { MeResource } from './schemas/user.ts';

// Every operation of the public API, once: the route handlers take their route pattern and
// scope from here (withApiAuth(op.path, op.scope, …)) and the OpenAPI document is generated
// from it, so the two cannot drift apart.

export type ProblemStatus = 400 | 404 | 409 | 413 | 415 | 422;

export interface ApiOperation {
  operationId: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  /** The route pattern, as logged and as written in the OpenAPI paths. */
  path: string;
  scope: Scope;
  tag: 'Users' | 'Goals' | 'Habits' | 'Analytics';
  summary: string;
  description: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A valid body, for the documentation. */
  example?: Record<string, unknown>;
  response: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
  /** GET by id: ETag and If-None-Match. */
  etag?: boolean;
  /** POST: Idempotency-Key. */
  idempotent?: boolean;
  /** Beyond 401, 403 and 429, which every operation can answer. */
  problems: readonly ProblemStatus[];
}

const BODY_PROBLEMS: readonly ProblemStatus[] = [400, 413, 415, 422];

export const operations = {
  getMe: {
    operationId: 'getMe',
    method: 'get',
    path: '/api/v1/users/me',
    scope: 'read:users',
    tag: 'Users',
    summary: 'Who the key acts as',
    description: 'The person who created the API key (the API acts as them, within the key’s scopes) and the workspace the key belongs to.',
    response: { status: 200, description: 'The key’s creator and workspace.', schema: MeResource },
    problems: [],
  },
  listGoals: {
    operationId: 'listGoals',
    method: 'get',
    path: '/api/v1/goals',
    scope: 'read:goals',
    tag: 'Goals',
    summary: 'List goals',
    description: 'Your personal goals and the goals of your teams, newest first, a page at a time. Filter by status and by creation date (from/to, UTC days).',
    query: GoalListQuery,
    response: { status: 200, description: 'A page of goals.', schema: GoalList },
    problems: [422],
  },
  createGoal: {
    operationId: 'createGoal',
    method: 'post',
    path: '/api/v1/goals',
    scope: 'write:goals',
    tag: 'Goals',
    summary: 'Create a goal',
    description: 'A personal goal, or with teamId a goal of one of your teams (you become its lead). Send an Idempotency-Key to retry safely.',
    body: GoalCreate,
    example: { title: 'Run a half marathon', description: 'Spring race', targetDate: '2026-04-26' },
    response: { status: 201, description: 'The new goal.', schema: GoalResource },
    idempotent: true,
    problems: [...BODY_PROBLEMS, 409],
  },
  getGoal: {
    operationId: 'getGoal',
    method: 'get',
    path: '/api/v1/goals/{id}',
    scope: 'read:goals',
    tag: 'Goals',
    summary: 'Get a goal',
    description: 'One goal you can see. Others’ personal goals, goals of teams you are not in and ids of other workspaces are 404. Send If-None-Match with the ETag to get 304 while it is unchanged.',
    response: { status: 200, description: 'The goal.', schema: GoalResource },
    etag: true,
    problems: [404],
  },
  updateGoal: {
    operationId: 'updateGoal',
    method: 'patch',
    path: '/api/v1/goals/{id}',
    scope: 'write:goals',
    tag: 'Goals',
    summary: 'Change a goal',
    description: 'Title, description and target date, by the goal’s editors (owner of a personal goal; team leads, lead assignees and admins of a team goal; others get 403).',
    body: GoalUpdate,
    example: { title: 'Run a marathon', targetDate: '2026-10-11' },
    response: { status: 200, description: 'The goal as it is now.', schema: GoalResource },
    problems: [...BODY_PROBLEMS, 404, 409],
  },
  deleteGoal: {
    operationId: 'deleteGoal',
    method: 'delete',
    path: '/api/v1/goals/{id}',
    scope: 'write:goals',
    tag: 'Goals',
    summary: 'Delete a goal',
    description: 'Deletes the goal with its milestones and progress history, for good.',
    response: { status: 204, description: 'Deleted.' },
    problems: [404],
  },
  listHabits: {
    operationId: 'listHabits',
    method: 'get',
    path: '/api/v1/habits',
    scope: 'read:habits',
    tag: 'Habits',
    summary: 'List habits',
    description: 'Your habits with their streaks, newest first, a page at a time.',
    query: HabitListQuery,
    response: { status: 200, description: 'A page of habits.', schema: HabitList },
    problems: [422],
  },
  createHabit: {
    operationId: 'createHabit',
    method: 'post',
    path: '/api/v1/habits',
    scope: 'write:habits',
    tag: 'Habits',
    summary: 'Create a habit',
    description: 'A daily habit, one on chosen weekdays, or one done N times a week. Send an Idempotency-Key to retry safely.',
    body: HabitCreate,
    example: { name: 'Stretch', schedule: 'weekly_days', scheduleDays: [1, 3, 5] },
    response: { status: 201, description: 'The new habit.', schema: HabitResource },
    idempotent: true,
    problems: [...BODY_PROBLEMS, 409],
  },
  getHabit: {
    operationId: 'getHabit',
    method: 'get',
    path: '/api/v1/habits/{id}',
    scope: 'read:habits',
    tag: 'Habits',
    summary: 'Get a habit',
    description: 'One of your habits with its streak and today’s status; anyone else’s is 404. Send If-None-Match with the ETag to get 304 while it is unchanged.',
    response: { status: 200, description: 'The habit.', schema: HabitResource },
    etag: true,
    problems: [404],
  },
  updateHabit: {
    operationId: 'updateHabit',
    method: 'patch',
    path: '/api/v1/habits/{id}',
    scope: 'write:habits',
    tag: 'Habits',
    summary: 'Change a habit',
    description: 'Name, description and schedule; archived: true archives the habit, false restores it.',
    body: HabitUpdate,
    example: { archived: true },
    response: { status: 200, description: 'The habit as it is now.', schema: HabitResource },
    problems: [...BODY_PROBLEMS, 404],
  },
  deleteHabit: {
    operationId: 'deleteHabit',
    method: 'delete',
    path: '/api/v1/habits/{id}',
    scope: 'write:habits',
    tag: 'Habits',
    summary: 'Delete a habit',
    description: 'Deletes the habit and all its logs, for good. To keep the history, archive it instead.',
    response: { status: 204, description: 'Deleted.' },
    problems: [404],
  },
  listHabitLogs: {
    operationId: 'listHabitLogs',
    method: 'get',
    path: '/api/v1/habits/{id}/logs',
    scope: 'read:habits',
    tag: 'Habits',
    summary: 'List a habit’s logs',
    description: 'The days the habit was done, latest first, a page at a time. Filter by date (from/to, the workspace’s calendar dates).',
    query: HabitLogListQuery,
    response: { status: 200, description: 'A page of logs.', schema: HabitLogList },
    problems: [404, 422],
  },
  logHabit: {
    operationId: 'logHabit',
    method: 'post',
    path: '/api/v1/habits/{id}/logs',
    scope: 'write:habits',
    tag: 'Habits',
    summary: 'Log a habit done',
    description:
      'Marks the habit done on a day: today by default, or up to 7 days back. A day already logged is 409 conflict; an archived habit is 409 too. Send an Idempotency-Key to retry safely.',
    body: HabitLogCreate,
    example: { date: '2026-06-15', note: '20 minutes' },
    response: { status: 201, description: 'The log and the habit’s new streak.', schema: HabitLogResult },
    idempotent: true,
    problems: [...BODY_PROBLEMS, 404, 409],
  },
  getAnalyticsOverview: {
    operationId: 'getAnalyticsOverview',
    method: 'get',
    path: '/api/v1/analytics/overview',
    scope: 'read:analytics',
    tag: 'Analytics',
    summary: 'Goals and habits in numbers',
    description: 'Goals by status and their average progress, habit logs in the last 7 and 30 days, running streaks, and weekly completions for the last 12 weeks.',
    response: { status: 200, description: 'The overview.', schema: AnalyticsOverview },
    problems: [],
  },
} as const satisfies Record<string, ApiOperation>;
