import { giveKudos, takeBackKudos } from '@/lib/activity/kudos';
import { id, workspaceRoute } from '@/lib/http/route';

/** Gives kudos on a completed goal or a streak milestone (idempotent): { count, given, canGive }. */
export const PUT = workspaceRoute({ permission: 'workspace.read', params: { eventId: id } }, async ({ tenant, member, params }) =>
  Response.json(await giveKudos(tenant, member, params.eventId)),
);

/** Takes one's kudos back (idempotent): { count, given, canGive }. */
export const DELETE = workspaceRoute({ permission: 'workspace.read', params: { eventId: id } }, async ({ tenant, member, params }) =>
  Response.json(await takeBackKudos(tenant, member, params.eventId)),
);
