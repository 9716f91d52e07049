import { z } from 'zod';
import { id, operatorRoute } from '@/lib/http/route';
import { approveVersion, rejectVersion, requestChanges, startReview, updateChecklist } from '@/lib/marketplace/app-review';
import { validationFailed } from '@/lib/http/problem';

const params = { versionId: id };
const decision = z.object({ decision: z.enum(['start_review', 'request_changes', 'reject', 'approve'], { message: 'Choose start_review, request_changes, reject or approve.' }) }).passthrough();

/** Ticks checklist items: { items: { listing: true, … } }. */
export const PATCH = operatorRoute({ params, body: 'json' }, async ({ operator, params, body, ip }) => Response.json({ checklist: await updateChecklist(operator, params.versionId, body, ip) }));

/** A decision: { decision: start_review | request_changes | reject | approve, reason }. */
export const POST = operatorRoute({ params, body: 'json' }, async ({ operator, params, body, ip }) => {
  const parsed = decision.safeParse(body);
  if (!parsed.success) throw validationFailed({ decision: 'Choose start_review, request_changes, reject or approve.' });
  const { decision: what, ...rest } = parsed.data;
  if (what === 'start_review') await startReview(operator, params.versionId, ip);
  if (what === 'request_changes') await requestChanges(operator, params.versionId, rest, ip);
  if (what === 'reject') await rejectVersion(operator, params.versionId, rest, ip);
  if (what === 'approve') await approveVersion(operator, params.versionId, rest, ip);
  return new Response(null, { status: 204 });
});
