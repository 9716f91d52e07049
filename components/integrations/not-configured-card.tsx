import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { IntegrationManifest } from '@/lib/integrations/types';
import { manifestText } from './manifest-text';

/**
 * What the platform's operator must do before anyone can use the integration here: its setup
 * steps, the environment variables (missing ones marked), the redirect URI to register at the
 * provider, and the scopes to allow. Secrets are never shown, only their names.
 */
export function NotConfiguredCard({ manifest, missingEnv, redirectUri }: { manifest: IntegrationManifest; missingEnv: string[]; redirectUri: string | null }) {
  const t = useTranslations('integrations');
  const words = manifestText(t, manifest);
  const code = (chunks: ReactNode) => (
    <code className="rounded bg-white px-1 font-mono text-xs text-slate-900" dir="ltr">
      {chunks}
    </code>
  );
  return (
    <section aria-labelledby="not-configured" data-testid="integration-not-configured" className="rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm text-slate-700">
      <h2 id="not-configured" className="font-semibold text-slate-900">
        {t('notConfiguredCard.heading')}
      </h2>
      <p className="mt-1">{t('notConfiguredCard.intro', { name: manifest.name })}</p>
      <ol className="mt-3 ms-5 flex list-decimal flex-col gap-1">
        {manifest.setupSteps.map((step, index) => (
          <li key={step} className="break-words">
            {words.step(step, index)}
          </li>
        ))}
      </ol>
      <h3 className="mt-4 font-semibold text-slate-900">{t('notConfiguredCard.envHeading')}</h3>
      <ul className="mt-1 flex flex-col gap-1">
        {manifest.env.map((entry) => (
          <li key={entry.name} className="break-words">
            {missingEnv.includes(entry.name)
              ? t.rich('notConfiguredCard.envNotSet', { name: entry.name, description: words.env(entry), code, missing: (chunks) => <span className="font-medium text-red-800">{chunks}</span> })
              : entry.required
                ? t.rich('notConfiguredCard.envSet', { name: entry.name, description: words.env(entry), code, set: (chunks) => <span className="text-emerald-800">{chunks}</span> })
                : t.rich('notConfiguredCard.envOptional', { name: entry.name, description: words.env(entry), code })}
          </li>
        ))}
      </ul>
      {redirectUri ? (
        <>
          <h3 className="mt-4 font-semibold text-slate-900">{t('notConfiguredCard.redirectUri')}</h3>
          <p className="mt-1 font-mono text-xs break-all text-slate-900" data-testid="integration-redirect-uri" dir="ltr">
            {redirectUri}
          </p>
        </>
      ) : null}
      {manifest.providerScopes.length ? (
        <>
          <h3 className="mt-4 font-semibold text-slate-900">{t('notConfiguredCard.scopes')}</h3>
          <p className="mt-1 font-mono text-xs break-all text-slate-900" dir="ltr">
            {manifest.providerScopes.join(' ')}
          </p>
        </>
      ) : null}
    </section>
  );
}
