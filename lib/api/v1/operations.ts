import { coachOperations } from './operations/coach-operations.ts';
import { goalOperations } from './operations/goal-operations.ts';
import { habitOperations } from './operations/habit-operations.ts';
import type { ApiOperation } from './operations/operation.ts';
import { webhookOperations } from './operations/webhook-operations.ts';
import { workspaceOperations } from './operations/workspace-operations.ts';

export type { ApiOperation, ProblemStatus } from './operations/operation.ts';

// Every operation of the public API, once: the route handlers take their route pattern and
// scope from here (apiRoute(operations.<op>, …)) and the OpenAPI document is generated
// from it, so the two cannot drift apart. One file per resource under ./operations/.

export const operations = {
  ...workspaceOperations,
  ...goalOperations,
  ...habitOperations,
  ...coachOperations,
  ...webhookOperations,
} as const satisfies Record<string, ApiOperation>;
