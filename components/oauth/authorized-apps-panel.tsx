'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import type { AuthorizedAppView } from '@/lib/oauth/grants';
import { AppLogo, ScopeList } from './oauth-app-badges';
import { fetchGrants, oauthKeys } from './oauth-app-requests';
import { safeHttpUrl } from './safe-url';
import { useRevokeGrant } from './use-oauth-mutations';
import { useFormat } from '@/lib/format/format-context';

/** Every third-party app authorized in this workspace, with a way to cut each one off. */
export function AuthorizedAppsPanel({ initial }: { initial: AuthorizedAppView[] }) {
  const fmt = useFormat();
  const t = useTranslations('oauthApps.authorized');
  const { data: grants } = useQuery({ queryKey: oauthKeys.grants, queryFn: fetchGrants, initialData: initial });
  const revoke = useRevokeGrant();
  const [status, setStatus] = useState<string | null>(null);
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : t('never'));

  function confirmRevoke(grant: AuthorizedAppView) {
    const app = grant.app.name;
    const words = grant.user ? { app, who: 'member', name: grant.user.name ?? grant.user.email } : { app, who: 'workspace', name: '' };
    if (!window.confirm(t('confirmRevoke', words))) return;
    setStatus(null);
    revoke.mutate(grant.grantId, { onSuccess: () => setStatus(t('revoked', words)) });
  }

  return (
    <Card>
      <FormAlert message={revoke.error?.message} />
      <FormStatus message={status} />
      {grants.length === 0 ? (
        <p className="text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-start text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-2 pe-3 font-medium">{t('app')}</th>
                <th scope="col" className="py-2 pe-3 font-medium">{t('actsFor')}</th>
                <th scope="col" className="py-2 pe-3 font-medium">{t('scopes')}</th>
                <th scope="col" className="py-2 pe-3 font-medium">{t('authorizedAt')}</th>
                <th scope="col" className="py-2 pe-3 font-medium">{t('lastUsed')}</th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {grants.map((grant) => {
                const homepage = safeHttpUrl(grant.app.homepageUrl);
                return (
                  <tr key={grant.grantId} className="border-b border-slate-100 align-top" data-testid="authorized-app-row">
                    <td className="py-3 pe-3">
                      <div className="flex items-start gap-2">
                        <AppLogo logoUrl={grant.app.logoUrl} />
                        <div className="min-w-0">
                          <p className="font-semibold text-slate-900">
                            {homepage ? (
                              <a href={homepage} target="_blank" rel="noopener noreferrer nofollow" className="underline">
                                {grant.app.name}
                              </a>
                            ) : (
                              grant.app.name
                            )}
                          </p>
                          <p className="text-xs text-slate-600">{t('by', { owner: grant.app.ownerWorkspace })}</p>
                        </div>
                      </div>
                    </td>
                    <td className="py-3 pe-3">
                      {grant.user ? (
                        <>
                          {grant.user.name ? <span className="block">{grant.user.name}</span> : null}
                          <span dir="ltr" className="block text-xs break-all text-slate-600">
                            {grant.user.email}
                          </span>
                        </>
                      ) : (
                        <span className="text-slate-700">{t('workspaceGrant')}</span>
                      )}
                    </td>
                    <td className="py-3 pe-3">
                      <ScopeList scopes={grant.scopes} />
                    </td>
                    <td className="py-3 pe-3 whitespace-nowrap">{when(grant.createdAt)}</td>
                    <td className="py-3 pe-3 whitespace-nowrap">{when(grant.lastUsedAt)}</td>
                    <td className="py-3 text-end">
                      <Button
                        type="button"
                        variant="secondary"
                        className="px-2 py-1"
                        aria-label={grant.user ? t('revokeLabel', { app: grant.app.name, email: grant.user.email }) : t('revokeWorkspaceLabel', { app: grant.app.name })}
                        disabled={revoke.isPending && revoke.variables === grant.grantId}
                        onClick={() => confirmRevoke(grant)}
                      >
                        {t('revoke')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
