import { id, operatorRoute } from '@/lib/http/route';
import { addOperatorComment } from '@/lib/marketplace/app-review';

/** The reviewer's side of the thread; the partner is emailed. */
export const POST = operatorRoute({ params: { versionId: id }, body: 'json' }, async ({ operator, params, body }) => Response.json({ comments: await addOperatorComment(operator, params.versionId, body) }, { status: 201 }));
