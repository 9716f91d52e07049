import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FormattedDate } from '@/components/ui/formatted';
import { APP_STATUS_LABELS, STATUS_LABELS } from '@/lib/marketplace/app-views';
import { listPartnerApps } from '@/lib/marketplace/apps';
import { categoryLabel } from '@/lib/marketplace/categories';
import { requirePartner } from '@/lib/partners/partner-session';

export const metadata: Metadata = { title: 'Apps · Partner portal' };
export const dynamic = 'force-dynamic';

const APP_TONE = { draft: 'neutral', published: 'success', deprecated: 'warning', removed: 'danger' } as const;

export default async function PartnerAppsPage() {
  const actor = await requirePartner();
  const apps = await listPartnerApps(actor);
  const canBuild = actor.partner.status === 'active' && actor.role !== 'billing';
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold text-slate-900">Apps</h2>
        {canBuild ? (
          <Link href="/partner/apps/new" className="inline-flex h-10 items-center rounded-md bg-brand px-4 text-sm font-semibold text-brand-fg hover:opacity-90">
            New app
          </Link>
        ) : null}
      </div>
      {apps.length === 0 ? (
        <Card title="No apps yet" description="An app is a listing in the Waypoint marketplace with its own OAuth client: create one, try it in your sandbox workspace, then submit it for review.">
          <p className="text-sm text-slate-600">{canBuild ? 'Start with “New app”.' : 'Apps open once your partner account is active.'}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="partner-apps">
          {apps.map((app) => (
            <li key={app.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-start gap-4">
                {app.logoUrl ? (
                  <img src={app.logoUrl} alt="" width={48} height={48} className="h-12 w-12 rounded-lg border border-slate-200 object-cover" />
                ) : (
                  <div aria-hidden className="flex h-12 w-12 items-center justify-center rounded-lg bg-slate-100 text-lg font-bold text-slate-500">
                    {app.name.slice(0, 1)}
                  </div>
                )}
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/partner/apps/${app.id}`} className="font-semibold break-words text-brand-text underline-offset-4 hover:underline">
                      {app.name}
                    </Link>
                    <Badge tone={APP_TONE[app.status]}>{APP_STATUS_LABELS[app.status]}</Badge>
                    {app.open ? <Badge tone="info">{`Version ${app.open.number}: ${STATUS_LABELS[app.open.status]}`}</Badge> : null}
                    {app.featured ? <Badge tone="brand">Featured</Badge> : null}
                  </div>
                  <p className="text-sm break-words text-slate-600">{app.tagline || 'No tagline yet.'}</p>
                  <p className="text-xs text-slate-500">
                    {categoryLabel(app.category)} · {app.live ? `live version ${app.live.number}` : 'not published'} · updated <FormattedDate value={app.updatedAt} />
                  </p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
