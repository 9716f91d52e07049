import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AuthorizeError } from '@/components/oauth/authorize-error';
import { ConsentCard } from '@/components/oauth/consent-card';
import { signInUrl } from '@/lib/auth/callback-url';
import { getCurrentMember } from '@/lib/auth/session';
import { DEFAULT_LANGUAGE, languageOf } from '@/lib/i18n/languages';
import { serverTextTranslator } from '@/lib/i18n/server-text';
import { prepareAuthorization } from '@/lib/oauth/authorize';
import { setPageStatus } from '@/lib/server/page-status';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('consent');
  return { title: t('metaTitle'), robots: { index: false, follow: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The query exactly as asked, repeated parameters included (the service refuses those). */
function toSearchParams(query: Awaited<SearchParams>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, item);
  }
  return params;
}

/**
 * GET /oauth/authorize on a workspace's host (proxy.ts rewrites it here). The person signs
 * in first if needed and comes back to this same request; then the service decides: a
 * consent screen, a redirect back to the app (remembered consent, or an error the RFC says
 * to return to the app), or an error shown here and never redirected (unknown client,
 * redirect URI not registered).
 */
export default async function AuthorizePage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const tenant = await requireTenant((await params).tenant);
  const query = toSearchParams(await searchParams);
  // The path as the browser sees it: the rewrite to /t/<slug> is internal.
  const here = `/oauth/authorize${query.size ? `?${query}` : ''}`;
  const member = await getCurrentMember(tenant);
  if (!member) redirect(signInUrl(here));

  const prompt = await prepareAuthorization(tenant, member, query);
  // To the app's registered redirect URI (an absolute URL on another site).
  if (prompt.kind === 'redirect') redirect(prompt.to);
  if (prompt.kind === 'error_page') {
    // A malformed request: a 400, not a page that looks like success to a client or a crawler.
    await setPageStatus(400);
    // The service's sentence (English, as the protocol answers) in the reader's language.
    const translate = await serverTextTranslator(languageOf(await getLocale()) ?? DEFAULT_LANGUAGE);
    return <AuthorizeError error={prompt.error} description={translate(prompt.description)} workspaceName={tenant.name} />;
  }
  return (
    <ConsentCard
      app={prompt.app}
      scopes={prompt.scopes}
      hiddenFields={prompt.hiddenFields}
      workspaceName={tenant.name}
      signedInAs={member.email}
      switchAccountUrl={signInUrl(here)}
    />
  );
}
