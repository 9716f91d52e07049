import { platformRoute } from '@/lib/http/route';
import { applyForPartnership } from '@/lib/partners/partners';

/** The public "Become a partner" form (posted by our own page): the application and an emailed link to confirm it. */
export const POST = platformRoute({ host: 'root', auth: 'none', sameOrigin: true, body: 'json' }, async ({ body, ip }) => {
  const { status, message } = await applyForPartnership(body, ip);
  return Response.json({ status, message }, { status: 202 });
});
