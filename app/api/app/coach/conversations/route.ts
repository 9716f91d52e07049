import { listConversations } from '@/lib/coach/conversations';
import { workspaceRoute } from '@/lib/http/route';

// The member's own conversations with the coach (never anyone else's), newest first.
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json({ conversations: await listConversations(tenant, member) }));
