import { id, operatorRoute } from '@/lib/http/route';
import { setPartnerTerms } from '@/lib/partners/partner-payout-terms';

/** The partner's tier and payout terms: { tierId, stripeConnectAccountId, payoutMinimumCents, holdingDays } (any of them). */
export const PATCH = operatorRoute({ permission: 'platform:billing', params: { partnerId: id }, body: 'json' }, async ({ operator, params, body, ip }) =>
  Response.json({ terms: await setPartnerTerms(operator, params.partnerId, body, ip) }),
);
