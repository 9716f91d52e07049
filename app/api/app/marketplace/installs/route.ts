import { AppError, validationFailed } from '@/lib/http/problem';
import { workspaceRoute } from '@/lib/http/route';
import { installApp } from '@/lib/marketplace/installations';

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

/**
 * The install consent form's POST (slug, versionId): installs (or re-consents) and answers 303
 * to the app's setup URL with the authorization code. A plain HTML form, so it works without
 * JavaScript; CSRF: the same-origin check. When the app changed meanwhile or can no longer be
 * installed, the browser goes back to the consent page, which shows what is true now.
 */
export const POST = workspaceRoute({ permission: 'integrations.manage', body: 'form' }, async ({ tenant, member, body, ip }) => {
  const slug = body.get('slug')?.trim() ?? '';
  const versionId = body.get('versionId')?.trim() ?? '';
  const fields: Record<string, string> = {};
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) fields.slug = 'Which app? The form is missing its slug.';
  if (!versionId || versionId.length > 64) fields.versionId = 'Which version? The form is missing it.';
  if (Object.keys(fields).length) throw validationFailed(fields);
  try {
    return seeOther((await installApp(tenant, member, slug, { versionId }, ip)).redirectTo);
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return seeOther(`/apps/${slug}/install?changed=1`);
    throw error;
  }
});
