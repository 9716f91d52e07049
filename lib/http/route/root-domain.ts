import { AppError } from '../problem.ts';
import type { Call } from './define-route.ts';

/** Root-domain routes (operator, reseller, sign-up) are not served on a workspace's host. */
export function assertRootDomain(call: Call): void {
  if (call.facts.tenantId) throw new AppError(404, 'not_found', 'This endpoint is served on the platform domain only.');
}
