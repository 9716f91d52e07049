import type { z } from 'zod';
import { sessionFromRequest } from '../../auth/request-session.ts';
import { operatorForSession } from '../../auth/session.ts';
import type { OperatorActor } from '../../resellers/reseller-actor.ts';
import { forbidden, unauthorized } from '../problem.ts';
import type { BodySpec } from './body.ts';
import { defineRoute, type Door, type RequestContext, type RouteHandler, type RouteSpec } from './define-route.ts';
import type { ParamsShape } from './params.ts';
import { assertRootDomain } from './root-domain.ts';

// The operator console's door: the platform's root domain, a signed-in platform operator
// (401 without a session, 403 for anyone else), same-origin writes.

const operatorDoor: Door<object, { operator: OperatorActor }> = {
  name: 'operator',
  sameOrigin: true,
  meta: () => ({ host: 'root', auth: 'operator' }),
  async enter(call) {
    assertRootDomain(call);
    const session = await sessionFromRequest(call.req, null);
    if (!session) throw unauthorized('Sign in as a platform operator to continue.');
    const operator = await operatorForSession(session);
    if (!operator) throw forbidden('Only a platform operator can do this.');
    return { operator };
  },
};

export function operatorRoute<P extends ParamsShape | undefined = undefined, B extends BodySpec = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, B, Q>,
  handler: (ctx: RequestContext<P, B, Q> & { operator: OperatorActor }) => Promise<Response>,
): RouteHandler {
  return defineRoute(operatorDoor, {}, spec, handler);
}
