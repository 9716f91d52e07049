import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toInstalledAppResource } from '@/lib/api/v1/schemas/app';
import { apiRoute } from '@/lib/http/route';
import { listInstalledApps } from '@/lib/marketplace/installations';

// The API acts as the key's creator: listing installed apps asks for integrations.manage.
export const GET = apiRoute(operations.listInstalledApps, async ({ tenant, principal }) =>
  jsonResponse({ data: (await listInstalledApps(tenant, principal.member)).map(toInstalledAppResource), next_cursor: null }),
);
