import { useTranslations } from 'next-intl';
import type { OAuthAppView } from '@/lib/oauth/app-schema';

const BADGE = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold';

export function ClientTypeBadge({ clientType }: { clientType: OAuthAppView['clientType'] }) {
  const t = useTranslations('oauthApps.clientTypes');
  return (
    <span className={`${BADGE} ${clientType === 'confidential' ? 'bg-indigo-100 text-indigo-800' : 'bg-slate-200 text-slate-700'}`} data-testid="oauth-client-type">
      {t(`${clientType}.label`)}
    </span>
  );
}

/** Scope names as small chips. */
export function ScopeList({ scopes }: { scopes: string[] }) {
  const t = useTranslations('oauthApps');
  if (scopes.length === 0) return <span className="text-slate-500">{t('noScopes')}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {scopes.map((scope) => (
        <li key={scope} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
          {scope}
        </li>
      ))}
    </ul>
  );
}

/**
 * An app's logo, from the address its developer gave: a plain <img> (not next/image, which
 * would fetch it through our server), sent no referrer. Decorative next to the app's name.
 */
export function AppLogo({ logoUrl, size = 'sm' }: { logoUrl: string | null; size?: 'sm' | 'lg' }) {
  const box = size === 'lg' ? 'h-16 w-16' : 'h-8 w-8';
  if (!logoUrl) return <span aria-hidden="true" className={`${box} shrink-0 rounded-md bg-slate-100`} />;
  return <img src={logoUrl} alt="" referrerPolicy="no-referrer" className={`${box} shrink-0 rounded-md object-cover`} />;
}
