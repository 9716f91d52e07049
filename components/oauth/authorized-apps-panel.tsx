'use client';

import { useQuery } from '@tanstack/react-query';
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

const WORKSPACE_GRANT = 'Workspace (client credentials)';

/** Every third-party app authorized in this workspace, with a way to cut each one off. */
export function AuthorizedAppsPanel({ initial }: { initial: AuthorizedAppView[] }) {
  const fmt = useFormat();
  const { data: grants } = useQuery({ queryKey: oauthKeys.grants, queryFn: fetchGrants, initialData: initial });
  const revoke = useRevokeGrant();
  const [status, setStatus] = useState<string | null>(null);
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : 'Never');

  function confirmRevoke(grant: AuthorizedAppView) {
    const who = grant.user ? (grant.user.name ?? grant.user.email) : 'this workspace';
    if (!window.confirm(`Revoke ${grant.app.name}'s access for ${who}? Its tokens stop working at once; it must ask for consent again.`)) return;
    setStatus(null);
    revoke.mutate(grant.grantId, { onSuccess: () => setStatus(`${grant.app.name} no longer has access for ${who}.`) });
  }

  return (
    <Card>
      <FormAlert message={revoke.error?.message} />
      <FormStatus message={status} />
      {grants.length === 0 ? (
        <p className="text-sm text-slate-500">No apps are authorized in this workspace.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Authorized apps</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">App</th>
                <th scope="col" className="py-2 pr-3 font-medium">Acts for</th>
                <th scope="col" className="py-2 pr-3 font-medium">Scopes</th>
                <th scope="col" className="py-2 pr-3 font-medium">Authorized</th>
                <th scope="col" className="py-2 pr-3 font-medium">Last used</th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {grants.map((grant) => {
                const homepage = safeHttpUrl(grant.app.homepageUrl);
                return (
                  <tr key={grant.grantId} className="border-b border-slate-100 align-top" data-testid="authorized-app-row">
                    <td className="py-3 pr-3">
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
                          <p className="text-xs text-slate-600">by {grant.app.ownerWorkspace}</p>
                        </div>
                      </div>
                    </td>
                    <td className="py-3 pr-3">
                      {grant.user ? (
                        <>
                          {grant.user.name ? <span className="block">{grant.user.name}</span> : null}
                          <span className="block text-xs break-all text-slate-600">{grant.user.email}</span>
                        </>
                      ) : (
                        <span className="text-slate-700">{WORKSPACE_GRANT}</span>
                      )}
                    </td>
                    <td className="py-3 pr-3">
                      <ScopeList scopes={grant.scopes} />
                    </td>
                    <td className="py-3 pr-3 whitespace-nowrap">{when(grant.createdAt)}</td>
                    <td className="py-3 pr-3 whitespace-nowrap">{when(grant.lastUsedAt)}</td>
                    <td className="py-3 text-right">
                      <Button
                        type="button"
                        variant="secondary"
                        className="px-2 py-1"
                        aria-label={`Revoke ${grant.app.name} for ${grant.user ? grant.user.email : 'the workspace'}`}
                        disabled={revoke.isPending && revoke.variables === grant.grantId}
                        onClick={() => confirmRevoke(grant)}
                      >
                        Revoke
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
