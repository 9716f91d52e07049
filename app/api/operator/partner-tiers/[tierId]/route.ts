import { id, operatorRoute } from '@/lib/http/route';
import { updatePartnerTier } from '@/lib/partners/partner-payout-terms';

/** A partner tier's name, platform fee (basis points) and support targets (minutes). */
export const PATCH = operatorRoute({ permission: 'platform:billing', params: { tierId: id }, body: 'json' }, async ({ operator, params, body, ip }) =>
  Response.json({ tier: await updatePartnerTier(operator, params.tierId, body, ip) }),
);
