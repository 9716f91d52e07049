import type { z } from 'zod';
import { sessionFromRequest } from '../../auth/request-session.ts';
import { assertApproved, assertOwner, resellerActorFor, type ResellerActor } from '../../resellers/reseller-actor.ts';
import { unauthorized } from '../problem.ts';
import type { BodySpec } from './body.ts';
import { defineRoute, type Door, type RequestContext, type RouteHandler, type RouteSpec } from './define-route.ts';
import type { ParamsShape } from './params.ts';
import { assertRootDomain } from './root-domain.ts';

// The reseller dashboard's door: the root domain, a signed-in user of a reseller (401 without
// a session, 403 for someone who is not one). `need`: 'view' for anyone of the reseller,
// 'sell' for an approved reseller, 'owner' for an owner of an approved reseller.

type Need = 'view' | 'sell' | 'owner';

const resellerDoor: Door<{ need: Need }, { actor: ResellerActor }> = {
  name: 'reseller',
  speaksPageLanguage: true,
  sameOrigin: true,
  meta: ({ need }) => ({ host: 'root', auth: 'reseller', permission: need }),
  async enter(call, { need }) {
    assertRootDomain(call);
    const session = await sessionFromRequest(call.req, null);
    const actor = session ? await resellerActorFor(session.userId) : null;
    if (!actor) throw unauthorized('Sign in with your reseller account to continue.');
    if (need !== 'view') assertApproved(actor);
    if (need === 'owner') assertOwner(actor);
    return { actor };
  },
};

export function resellerRoute<P extends ParamsShape | undefined = undefined, B extends BodySpec = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: { need: Need } & RouteSpec<P, B, Q>,
  handler: (ctx: RequestContext<P, B, Q> & { actor: ResellerActor }) => Promise<Response>,
): RouteHandler {
  return defineRoute(resellerDoor, { need: spec.need }, spec, handler);
}
