import { z } from 'zod';
import { id, operatorRoute } from '@/lib/http/route';
import { getAppForReview, setFeatured } from '@/lib/marketplace/app-review';

const params = { appId: id };
const query = z.object({ version: id.optional() }).strict();

/** One app for review: the version under review (or ?version=), the live one, what changed, the checklist. */
export const GET = operatorRoute({ params, query }, async ({ operator, params, query }) => Response.json(await getAppForReview(operator, params.appId, query.version)));

/** { featured: true | false }: the marketplace's Featured row. */
export const PATCH = operatorRoute({ params, body: 'json' }, async ({ operator, params, body, ip }) => Response.json(await setFeatured(operator, params.appId, body, ip)));
