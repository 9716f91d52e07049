import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { buttonClass } from '@/components/ui/button';
import { isOAuthScope } from '@/lib/oauth/oauth-scopes';
import { safeHttpUrl } from './safe-url';
import { CONSENT_SCOPE_KEYS } from './scope-words';

export interface ConsentApp {
  name: string;
  logoUrl: string | null;
  homepageUrl: string | null;
  ownerWorkspace: string;
}

interface Props {
  app: ConsentApp;
  scopes: { scope: string; description: string }[];
  /** The authorization request, carried through the decision form as the service made it. */
  hiddenFields: Record<string, string>;
  workspaceName: string;
  signedInAs: string;
  /** Where "use another account" leads after signing out: the sign-in page, back to this request. */
  switchAccountUrl: string;
}

/**
 * The consent screen: who is asking, for what, as whom; Allow or Deny. A plain HTML form
 * (no JavaScript needed) posted to the decision endpoint, which answers with a redirect to
 * the app. Deny comes first so that Enter in the form never grants access by accident.
 */
export function ConsentCard({ app, scopes, hiddenFields, workspaceName, signedInAs, switchAccountUrl }: Props) {
  const t = useTranslations('consent');
  const homepage = safeHttpUrl(app.homepageUrl);
  const logo = safeHttpUrl(app.logoUrl);
  // What each scope allows, in the reader's language and the workspace's words; the service's own (English) words for a scope the catalog does not know.
  const describe = (scope: string, description: string) => (isOAuthScope(scope) ? t(`scopes.${CONSENT_SCOPE_KEYS[scope]}`) : description);
  const owner = (chunks: ReactNode) => <span className="font-medium text-slate-800">{chunks}</span>;
  return (
    <section aria-labelledby="consent-title" className="mx-auto w-full max-w-lg px-6 py-12">
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm" data-testid="oauth-consent">
        <div className="flex flex-col items-center gap-3 text-center">
          {logo ? <img src={logo} alt={t('logoAlt', { app: app.name })} referrerPolicy="no-referrer" width={64} height={64} className="h-16 w-16 rounded-lg object-cover" /> : null}
          <h1 id="consent-title" className="text-xl font-bold text-slate-900">
            {t.rich('title', { appName: app.name, workspaceName, app: (chunks) => <span data-testid="oauth-consent-app">{chunks}</span> })}
          </h1>
          <p className="text-sm text-slate-600">
            {homepage
              ? t.rich('byWithHomepage', {
                  ownerName: app.ownerWorkspace,
                  host: new URL(homepage).host,
                  owner,
                  link: (chunks) => (
                    <a href={homepage} target="_blank" rel="noopener noreferrer nofollow" className="font-medium text-brand-text underline">
                      {chunks}
                    </a>
                  ),
                  hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                })
              : t.rich('by', { ownerName: app.ownerWorkspace, owner })}
          </p>
        </div>

        <h2 className="mt-8 text-sm font-semibold text-slate-900">{t('wantsTo', { app: app.name })}</h2>
        <ul className="mt-3 flex flex-col gap-2" data-testid="oauth-consent-scopes">
          {scopes.map(({ scope, description }) => (
            <li key={scope} className="flex items-start gap-2 text-sm text-slate-800">
              <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand" />
              {describe(scope, description)}
            </li>
          ))}
        </ul>

        <div className="mt-8 flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          <p>
            {t.rich('signedInAs', {
              email: signedInAs,
              strong: (chunks) => (
                <strong data-testid="oauth-consent-user" dir="ltr">
                  {chunks}
                </strong>
              ),
            })}
          </p>
          <SignOutButton callbackUrl={switchAccountUrl} label={t('switchAccount')} className="px-2 py-1" />
        </div>

        <form method="post" action="/api/oauth/decision" aria-label={t('decisionLabel', { app: app.name })} className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          {Object.entries(hiddenFields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" name="decision" value="deny" className={buttonClass('secondary')}>
            {t('deny')}
          </button>
          <button type="submit" name="decision" value="allow" className={buttonClass('primary')}>
            {t('allow')}
          </button>
        </form>

        <p className="mt-6 text-xs text-slate-500">
          {t('footer', { app: app.name, owner: app.ownerWorkspace, workspaceName })}
        </p>
      </div>
    </section>
  );
}
