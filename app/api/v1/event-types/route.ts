import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toEventTypeResource } from '@/lib/api/v1/schemas/webhook';
import { eventTypeDocs } from '@/lib/events/event-catalog-docs';
import { apiRoute } from '@/lib/http/route';

// The catalog is the same for every workspace; the scope keeps it with the rest of the
// webhook management surface (anyone may read it in the public docs anyway).
export const GET = apiRoute(operations.listEventTypes, async () => jsonResponse({ data: eventTypeDocs().map(toEventTypeResource), next_cursor: null }));
