import type { z } from 'zod';
import { sessionFromRequest } from '../../auth/request-session.ts';
import { assertActivePartner, assertDeveloper, assertPartnerOwner, assertSeesMoney, partnerActorFor, type PartnerActor } from '../../partners/partner-actor.ts';
import { unauthorized } from '../problem.ts';
import type { BodySpec } from './body.ts';
import { defineRoute, type Door, type RequestContext, type RouteHandler, type RouteSpec } from './define-route.ts';
import type { ParamsShape } from './params.ts';
import { assertRootDomain } from './root-domain.ts';

// The partner portal's door: the root domain, a signed-in user of a partner (401 without a
// session, 403 for someone who is not one). `need`: 'view' for anyone of the partner,
// 'develop' for an owner or developer of an active partner, 'owner' for an owner (any status,
// so an applicant can still fix its profile), 'money' for an owner or billing contact (payouts,
// statements; any status, so a suspended partner still sees what it is owed).

type Need = 'view' | 'develop' | 'owner' | 'money';

const partnerDoor: Door<{ need: Need }, { actor: PartnerActor }> = {
  name: 'partner',
  speaksPageLanguage: true,
  sameOrigin: true,
  meta: ({ need }) => ({ host: 'root', auth: 'partner', permission: need }),
  async enter(call, { need }) {
    assertRootDomain(call);
    const session = await sessionFromRequest(call.req, null);
    const actor = session ? await partnerActorFor(session.userId) : null;
    if (!actor) throw unauthorized('Sign in with your partner account to continue.');
    if (need === 'develop') {
      assertActivePartner(actor);
      assertDeveloper(actor);
    }
    if (need === 'owner') assertPartnerOwner(actor);
    if (need === 'money') assertSeesMoney(actor);
    return { actor };
  },
};

export function partnerRoute<P extends ParamsShape | undefined = undefined, B extends BodySpec = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: { need: Need } & RouteSpec<P, B, Q>,
  handler: (ctx: RequestContext<P, B, Q> & { actor: PartnerActor }) => Promise<Response>,
): RouteHandler {
  return defineRoute(partnerDoor, { need: spec.need }, spec, handler);
}
