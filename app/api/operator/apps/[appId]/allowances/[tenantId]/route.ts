import { id, operatorRoute } from '@/lib/http/route';
import { revokePaidApp } from '@/lib/marketplace/paid-app-allowances';

/** Revokes the allowance: no new installs there (an existing installation stays). */
export const DELETE = operatorRoute({ params: { appId: id, tenantId: id } }, async ({ operator, params, ip }) => Response.json({ allowances: await revokePaidApp(operator, params.appId, params.tenantId, ip) }));
