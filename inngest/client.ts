import { Inngest } from 'inngest';
import { inngestDevMode } from '../lib/jobs/backend.ts';

/** Keys come from INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY, read by the SDK itself. */
export function createInngestClient(options: { fetch?: typeof fetch; isDev?: boolean } = {}) {
  return new Inngest({ id: 'waypoint', isDev: options.isDev ?? inngestDevMode(), fetch: options.fetch });
}

export const inngest = createInngestClient();
