'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '@/components/developers/copy-button';
import { Button } from '@/components/ui/button';

interface Props {
  title: string;
  clientId: string;
  /** A confidential app's secret, right after it was made; null for a public app. */
  clientSecret: string | null;
  note?: string;
  onDone: () => void;
}

/**
 * A newly registered app's credentials: its client id, and a confidential app's secret,
 * shown this once. Focus moves here so keyboard and screen-reader users meet it first.
 */
export function AppCredentials({ title, clientId, clientSecret, note, onDone }: Props) {
  const t = useTranslations('oauthApps.credentials');
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Mounted afresh (keyed by the app) for each new app.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section aria-labelledby={titleId} className={`rounded-lg border-2 p-5 ${clientSecret ? 'border-amber-400 bg-amber-50' : 'border-slate-300 bg-white'}`}>
      <h2 id={titleId} ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900 outline-none">
        {title}
      </h2>
      {note ? <p className="mt-1 text-sm text-slate-700">{note}</p> : null}
      <dl className="mt-3 flex flex-col gap-3">
        <div>
          <dt className="text-xs font-medium text-slate-600">{t('clientId')}</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-3">
            <code data-testid="oauth-client-id" dir="ltr" className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm break-all select-all">
              {clientId}
            </code>
            <CopyButton text={clientId} label={t('copyClientId')} />
          </dd>
        </div>
        {clientSecret ? (
          <div>
            <dt className="text-xs font-medium text-slate-600">{t('clientSecret')}</dt>
            <dd className="mt-1">
              <p className="text-sm font-semibold text-amber-900">{t('secretWarning')}</p>
              <div className="mt-1 flex flex-wrap items-center gap-3">
                <code data-testid="oauth-client-secret" dir="ltr" className="min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm break-all select-all">
                  {clientSecret}
                </code>
                <CopyButton text={clientSecret} label={t('copyClientSecret')} />
              </div>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="mt-4">
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('done')}
        </Button>
      </div>
    </section>
  );
}
