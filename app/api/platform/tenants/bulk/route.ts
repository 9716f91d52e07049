import { operatorRoute } from '@/lib/http/route';
import { languageFromAcceptLanguage } from '@/lib/i18n/languages';
import { serverTextTranslator } from '@/lib/i18n/server-text';
import { runBulkAction } from '@/lib/platform/bulk-actions';

/**
 * Several workspaces at once: { action: change_plan | suspend | notice, tenantIds (at most 100), plan | reason | subject and body }.
 * Any staff role passes the door; the action decides (plans: platform:billing, the rest: platform:manage). Each workspace is
 * audited on its own and reported: done, skipped (with why), not_found or failed. The console's page asks in its language:
 * each row's why comes back in it (lib/i18n/server-text.ts), as an error's sentence would.
 */
export const POST = operatorRoute({ permission: 'platform:read', body: 'json' }, async ({ operator, body, ip, req }) => {
  const result = await runBulkAction(operator, body, ip);
  const language = languageFromAcceptLanguage(req.headers.get('accept-language'));
  if (!language) return Response.json(result);
  const translate = await serverTextTranslator(language);
  return Response.json({ ...result, results: result.results.map((row) => ({ ...row, detail: translate(row.detail) })) });
});
