import { id, partnerRoute } from '@/lib/http/route';
import { removePartnerUser, setPartnerUserRole } from '@/lib/partners/partner-users';

/** An owner changes someone's role (owner, developer, billing); the partner keeps an owner. */
export const PATCH = partnerRoute({ need: 'owner', params: { userId: id }, body: 'json' }, async ({ actor, params, body, ip }) =>
  Response.json({ user: await setPartnerUserRole(actor, params.userId, body, ip) }),
);

/** An owner removes someone from the partner account (and its sandbox workspace). */
export const DELETE = partnerRoute({ need: 'owner', params: { userId: id } }, async ({ actor, params, ip }) => {
  await removePartnerUser(actor, params.userId, ip);
  return new Response(null, { status: 204 });
});
