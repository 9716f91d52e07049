import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * A request that cannot be sent back to the app (unknown client, redirect URI not
 * registered, …): said here, on the page, and never redirected anywhere. The description is
 * the service's sentence, already in the reader's language (the page translates it).
 */
export function AuthorizeError({ error, description, workspaceName }: { error: string; description: string; workspaceName: string }) {
  const t = useTranslations('consent.error');
  return (
    <section aria-labelledby="authorize-error-title" className="mx-auto w-full max-w-lg px-6 py-16">
      <div className="rounded-lg border border-red-200 bg-white p-8 shadow-sm" data-testid="oauth-error">
        <p className="text-sm font-semibold text-red-700">{t('eyebrow')}</p>
        <h1 id="authorize-error-title" className="mt-2 text-xl font-bold text-slate-900">
          {t('title', { workspaceName })}
        </h1>
        <p className="mt-3 text-slate-700" data-testid="oauth-error-description">
          {description}
        </p>
        <p className="mt-3 text-sm text-slate-600">{t('nothingShared')}</p>
        <p className="mt-3 text-xs text-slate-500">
          {t.rich('code', {
            error,
            code: (chunks) => (
              <code dir="ltr" className="font-mono">
                {chunks}
              </code>
            ),
          })}
        </p>
        <Link href="/" className="mt-6 inline-block font-semibold text-brand-text underline">
          {t('back', { workspaceName })}
        </Link>
      </div>
    </section>
  );
}
