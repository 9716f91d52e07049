import { useTranslations } from 'next-intl';
import { CopyButton } from '@/components/developers/copy-button';

/** The addresses a developer configures in their OAuth client, on this workspace's host; each named in the oauthApps catalog (endpoints.<key>). */
export function oauthEndpoints(origin: string) {
  return [
    { key: 'authorization', url: `${origin}/oauth/authorize` },
    { key: 'token', url: `${origin}/oauth/token` },
    { key: 'revocation', url: `${origin}/oauth/revoke` },
    { key: 'introspection', url: `${origin}/oauth/introspect` },
    { key: 'metadata', url: `${origin}/.well-known/oauth-authorization-server` },
  ] as const;
}

export function OAuthEndpoints({ origin }: { origin: string }) {
  const t = useTranslations('oauthApps.endpoints');
  return (
    <dl className="flex flex-col gap-3" data-testid="oauth-endpoints">
      {oauthEndpoints(origin).map(({ key, url }) => (
        <div key={key}>
          <dt className="text-xs font-medium text-slate-500">{t(`${key}.label`)}</dt>
          <dd className="mt-0.5 flex flex-wrap items-center gap-3">
            <code dir="ltr" className="min-w-0 flex-1 font-mono text-sm break-all text-slate-900">
              {url}
            </code>
            <CopyButton text={url} label={t(`${key}.copy`)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
