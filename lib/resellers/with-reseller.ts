import { forbidden, unauthorized } from '../http/problem.ts';
import { withPlatform, type Handler, type RouteContext } from '../http/wrappers.ts';
import { assertApproved, assertOwner, type OperatorActor, type ResellerActor } from './reseller-actor.ts';
import { getCurrentReseller, getOperatorActor } from './reseller-session.ts';

// Route wrappers for the root domain's reseller and operator routes (one concern each: the
// services still check everything they depend on).

export type ResellerContext<C = RouteContext> = C & { actor: ResellerActor };
export type OperatorContext<C = RouteContext> = C & { operator: OperatorActor };

/**
 * A signed-in reseller user (401 without a session, 403 for someone who is not one).
 * `need`: 'view' for anyone of the reseller; 'sell' for an approved reseller; 'owner' for an
 * owner of an approved reseller.
 */
export function withReseller<C = RouteContext>(need: 'view' | 'sell' | 'owner', handler: Handler<ResellerContext<C>>): Handler<C> {
  return withPlatform<C>(async (req, ctx) => {
    const actor = await getCurrentReseller();
    if (!actor) throw unauthorized('Sign in with your reseller account to continue.');
    if (need !== 'view') assertApproved(actor);
    if (need === 'owner') assertOwner(actor);
    return handler(req, { ...ctx, actor });
  });
}

/** A signed-in platform operator. */
export function withOperator<C = RouteContext>(handler: Handler<OperatorContext<C>>): Handler<C> {
  return withPlatform<C>(async (req, ctx) => {
    const operator = await getOperatorActor();
    if (!operator) throw forbidden('Only a platform operator can do this.');
    return handler(req, { ...ctx, operator });
  });
}
