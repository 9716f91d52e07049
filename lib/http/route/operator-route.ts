import type { z } from 'zod';
import { sessionFromRequest } from '../../auth/request-session.ts';
import { operatorForSession } from '../../auth/session.ts';
import { platformCan, type PlatformPermission } from '../../platform/platform-roles.ts';
import type { OperatorActor } from '../../resellers/reseller-actor.ts';
import { AppError, forbidden, unauthorized } from '../problem.ts';
import type { BodySpec } from './body.ts';
import { defineRoute, type Door, type RequestContext, type RouteHandler, type RouteSpec } from './define-route.ts';
import type { ParamsShape } from './params.ts';
import { assertRootDomain } from './root-domain.ts';

// The operator console's door: the platform's root domain, a signed-in member of the platform's
// staff whose role allows the route (401 without a session, 403 for anyone else), with 2FA on
// (403 two_factor_required until they turn it on), same-origin writes. Without a permission,
// reading needs platform:read and writing platform:manage.

interface OperatorOptions {
  permission?: PlatformPermission;
  /** Open to staff who have not turned 2FA on yet: the routes that turning it on needs. */
  twoFactorOptional?: boolean;
}

const READS = new Set(['GET', 'HEAD']);

const operatorDoor: Door<OperatorOptions, { operator: OperatorActor }> = {
  name: 'operator',
  speaksPageLanguage: true,
  sameOrigin: true,
  meta: (options) => ({ host: 'root', auth: 'operator', ...(options.permission ? { permission: options.permission } : {}) }),
  async enter(call, options) {
    assertRootDomain(call);
    const session = await sessionFromRequest(call.req, null);
    if (!session) throw unauthorized('Sign in as a platform operator to continue.');
    const operator = await operatorForSession(session);
    if (!operator) throw forbidden('Only a platform operator can do this.');
    if (!operator.twoFactor && !options.twoFactorOptional) throw new AppError(403, 'two_factor_required', 'Platform staff must use two-factor authentication: turn it on under Security in the operator console first.');
    const permission = options.permission ?? (READS.has(call.req.method) ? 'platform:read' : 'platform:manage');
    if (!platformCan(operator.role, permission)) throw forbidden(`Your platform role (${operator.role.replace('_', ' ')}) does not allow this.`);
    return { operator };
  },
};

export function operatorRoute<P extends ParamsShape | undefined = undefined, B extends BodySpec = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: OperatorOptions & RouteSpec<P, B, Q>,
  handler: (ctx: RequestContext<P, B, Q> & { operator: OperatorActor }) => Promise<Response>,
): RouteHandler {
  return defineRoute(operatorDoor, { permission: spec.permission, twoFactorOptional: spec.twoFactorOptional }, spec, handler);
}
