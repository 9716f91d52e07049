import { CopyButton } from '@/components/developers/copy-button';

/** The addresses a developer configures in their OAuth client, on this workspace's host. */
export function oauthEndpoints(origin: string) {
  return [
    { label: 'Authorization endpoint', url: `${origin}/oauth/authorize` },
    { label: 'Token endpoint', url: `${origin}/oauth/token` },
    { label: 'Revocation endpoint', url: `${origin}/oauth/revoke` },
    { label: 'Introspection endpoint', url: `${origin}/oauth/introspect` },
    { label: 'Server metadata (RFC 8414)', url: `${origin}/.well-known/oauth-authorization-server` },
  ];
}

export function OAuthEndpoints({ origin }: { origin: string }) {
  return (
    <dl className="flex flex-col gap-3" data-testid="oauth-endpoints">
      {oauthEndpoints(origin).map(({ label, url }) => (
        <div key={label}>
          <dt className="text-xs font-medium text-slate-500">{label}</dt>
          <dd className="mt-0.5 flex flex-wrap items-center gap-3">
            <code className="min-w-0 flex-1 font-mono text-sm break-all text-slate-900">{url}</code>
            <CopyButton text={url} label={`Copy the ${label.toLowerCase()}`} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
