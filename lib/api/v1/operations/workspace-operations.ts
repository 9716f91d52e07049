import { AnalyticsOverview } from '../schemas/analytics.ts';
import { InstalledAppList } from '../schemas/app.ts';
import { MeResource } from '../schemas/user.ts';
import { type ApiOperation } from './operation.ts';

// The key’s own person and workspace, the analytics overview and the installed apps.
export const workspaceOperations = {
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
  listInstalledApps: {
    operationId: 'listInstalledApps',
    method: 'get',
    path: '/api/v1/apps/installed',
    scope: 'admin:all',
    tag: 'Apps',
    summary: 'List installed apps',
    description:
      'Every marketplace app installed in the workspace now: who installed it and when, the scopes it holds, its last API call, the events its own endpoint receives, and whether it waits for a re-consent. Workspace configuration, so it needs an admin:all key of an admin (installed apps cannot list each other).',
    response: { status: 200, description: 'The installed apps.', schema: InstalledAppList },
    problems: [],
  },
} as const satisfies Record<string, ApiOperation>;
