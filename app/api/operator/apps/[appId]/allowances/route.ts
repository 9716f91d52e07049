import { id, operatorRoute } from '@/lib/http/route';
import { allowPaidApp, listPaidAppAllowances } from '@/lib/marketplace/paid-app-allowances';

const params = { appId: id };

/** The workspaces allowed to install this paid app without Stripe. */
export const GET = operatorRoute({ params }, async ({ operator, params }) => Response.json({ allowances: await listPaidAppAllowances(operator, params.appId) }));

/** { workspace: slug, note? }: allow the paid app in that workspace. */
export const POST = operatorRoute({ params, body: 'json' }, async ({ operator, params, body, ip }) => Response.json({ allowances: await allowPaidApp(operator, params.appId, body, ip) }, { status: 201 }));
