import { z } from 'zod';
import { partnerRoute } from '@/lib/http/route';
import { parseInput } from '@/lib/http/problem';
import { revokePartnerInvitation } from '@/lib/partners/partner-users';

const revokeSchema = z.object({ email: z.string({ message: 'Name the address.' }).trim().min(3, 'Name the address.').max(254) });

/** An owner withdraws an open invitation (body: { email }). */
export const POST = partnerRoute({ need: 'owner', body: 'json' }, async ({ actor, body, ip }) => {
  await revokePartnerInvitation(actor, parseInput(revokeSchema, body).email, ip);
  return new Response(null, { status: 204 });
});
