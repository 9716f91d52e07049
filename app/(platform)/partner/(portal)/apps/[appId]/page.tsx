import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionButton, ChecksPanel, ClientSecretRotation, CommentForm, ImageUploads, RetireAppForm, SubmitForm, VersionEditor, WebhookSecretPanel } from '@/components/marketplace/partner-app-forms';
import { ReviewThread, VersionDetails } from '@/components/marketplace/version-details';
import { HealthFlagBanner } from '@/components/partners/health-flag-banner';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FormattedDate } from '@/components/ui/formatted';
import { tenantOrigin } from '@/lib/config/env';
import { SCOPE_DESCRIPTIONS, type Scope } from '@/lib/api-keys/scopes';
import { AppError } from '@/lib/http/problem';
import { APP_EVENT_TYPES, APP_SCOPES } from '@/lib/marketplace/app-schema';
import { APP_STATUS_LABELS, EDITABLE_STATUSES, STATUS_LABELS } from '@/lib/marketplace/app-views';
import { getPartnerApp, type PartnerAppDetail } from '@/lib/marketplace/apps';
import { APP_CATEGORIES } from '@/lib/marketplace/categories';
import { CHECK_LABELS, type CheckId } from '@/lib/marketplace/submission-checks';
import { openFlagsForPartner, type HealthFlagView } from '@/lib/partners/app-health-views';
import { requirePartner } from '@/lib/partners/partner-session';

export const metadata: Metadata = { title: 'App · Partner portal' };
export const dynamic = 'force-dynamic';

const APP_TONE = { draft: 'neutral', published: 'success', deprecated: 'warning', removed: 'danger' } as const;

async function load(appId: string): Promise<{ app: PartnerAppDetail; canBuild: boolean; flags: HealthFlagView[] }> {
  const actor = await requirePartner();
  try {
    const app = await getPartnerApp(actor, appId);
    return { app, canBuild: actor.partner.status === 'active' && actor.role !== 'billing', flags: await openFlagsForPartner(actor, app.id) };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function PartnerAppPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(appId)) notFound();
  const { app, canBuild, flags } = await load(appId);
  const open = app.openVersion;
  const editable = open !== null && EDITABLE_STATUSES.includes(open.status) && canBuild && app.status !== 'removed';
  const api = `/api/partner/apps/${app.id}`;
  const categories = APP_CATEGORIES.map((c) => ({ value: c.id, label: c.label }));
  const scopes = APP_SCOPES.map((scope) => ({ scope, description: SCOPE_DESCRIPTIONS[scope as Scope] ?? '' }));
  const checks = (open?.checks ?? []).map((check) => ({ ...check, label: CHECK_LABELS[check.id as CheckId] ?? check.id }));
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        <Link href="/partner/apps" className="text-brand-text underline">
          Apps
        </Link>{' '}
        / {app.name}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-xl font-semibold break-words text-slate-900" data-testid="app-name">
          {app.name}
        </h2>
        <Badge tone={APP_TONE[app.status]} data-testid="app-status">
          {APP_STATUS_LABELS[app.status]}
        </Badge>
        {open ? (
          <Badge tone="info" data-testid="version-status">
            {`Version ${open.number}: ${STATUS_LABELS[open.status]}`}
          </Badge>
        ) : null}
        {app.featured ? <Badge tone="brand">Featured</Badge> : null}
      </div>
      <HealthFlagBanner flags={flags} />
      <p className="text-sm text-slate-600">
        {app.live ? (
          <>
            Version {app.live.number} is live{app.publishedAt ? <> since <FormattedDate value={app.publishedAt} /></> : null} · {app.installs} active installation{app.installs === 1 ? '' : 's'}.
          </>
        ) : (
          'Not published yet: only your sandbox workspace can install it.'
        )}
      </p>
      <nav aria-label={`More about ${app.name}`} className="flex flex-wrap gap-4 text-sm">
        <Link href={`/partner/apps/${app.id}/reviews`} className="font-medium text-brand-text underline">
          Reviews
        </Link>
        <Link href={`/partner/apps/${app.id}/analytics`} className="font-medium text-brand-text underline">
          Analytics
        </Link>
      </nav>

      {open?.status === 'changes_requested' ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm break-words text-amber-900" data-testid="changes-requested">
          The reviewer asked for changes: {open.decisionReason}
        </p>
      ) : null}
      {open?.status === 'approved' ? (
        <Card title={`Version ${open.number} is approved`} description="Publish it when you are ready: workspaces see and install it from then on, and the live version it replaces is superseded.">
          {canBuild ? <ActionButton endpoint={`${api}/publish`} label={`Publish version ${open.number}`} pendingLabel="Publishing…" /> : null}
        </Card>
      ) : null}

      {open ? (
        <Card title={`Version ${open.number}`} description={editable ? 'Edit the listing, the OAuth client’s needs and the webhooks, then run the checks and submit.' : `${STATUS_LABELS[open.status]}: it cannot be edited now.`}>
          {editable ? <VersionEditor appId={app.id} version={open} categories={categories} scopes={scopes} events={APP_EVENT_TYPES} /> : <VersionDetails version={open} />}
        </Card>
      ) : app.status !== 'removed' && canBuild ? (
        <Card title="New version" description="Change the listing, redirect URIs or scopes in a new version: it is reviewed while the live version keeps serving installs.">
          <ActionButton endpoint={`${api}/version`} label="Start a new version" pendingLabel="Starting…" />
        </Card>
      ) : null}

      {open ? (
        <Card title="Logo and screenshots">
          <ImageUploads appId={app.id} logoUrl={open.logoUrl} screenshots={open.screenshots} editable={editable} />
        </Card>
      ) : null}

      {open ? (
        <Card title="Submission checks" description="Run automatically on submission; shown to the reviewer too.">
          <div className="flex flex-col gap-6">
            <ChecksPanel appId={app.id} checks={checks} canRun={editable} />
            {editable ? <SubmitForm appId={app.id} resubmission={open.status === 'changes_requested'} /> : null}
          </div>
        </Card>
      ) : null}

      {open ? (
        <Card title="Review thread" description="Comments between you and the Waypoint review team on this version.">
          <div className="flex flex-col gap-4">
            <ReviewThread comments={open.comments} />
            {canBuild && app.status !== 'removed' ? <CommentForm endpoint={`${api}/comments`} label="Reply to the reviewer" /> : null}
          </div>
        </Card>
      ) : null}

      {app.liveVersion && app.liveVersion.id !== open?.id ? (
        <Card title={`Live version ${app.liveVersion.number}`}>
          <VersionDetails version={app.liveVersion} />
        </Card>
      ) : null}

      <Card title="Versions">
        <ul className="flex flex-col divide-y divide-slate-100 text-sm" data-testid="versions">
          {app.versions.map((version) => (
            <li key={version.id} className="flex flex-wrap items-center gap-2 py-2">
              <span className="font-medium">Version {version.number}</span>
              <Badge>{STATUS_LABELS[version.status]}</Badge>
              <span className="text-slate-600">
                created <FormattedDate value={version.createdAt} />
                {version.submittedAt ? (
                  <>
                    , submitted <FormattedDate value={version.submittedAt} />
                  </>
                ) : null}
                {version.publishedAt ? (
                  <>
                    , published <FormattedDate value={version.publishedAt} />
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </Card>

      <Card title="OAuth client" description="The app exchanges authorization codes at the installing workspace's /oauth/token with these credentials.">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">Client ID</dt>
          <dd className="break-all" data-testid="oauth-client-id">
            <code>{app.oauth.clientId}</code>
          </dd>
          <dt className="text-slate-600">Client secret</dt>
          <dd>{app.oauth.secretHint ? `…${app.oauth.secretHint}` : '—'}</dd>
          <dt className="text-slate-600">Redirect URIs in force</dt>
          <dd className="break-all">{app.oauth.redirectUris.join(', ') || '—'}</dd>
          <dt className="text-slate-600">Scopes in force</dt>
          <dd className="break-words">{app.oauth.allowedScopes.join(', ') || '—'}</dd>
          <dt className="text-slate-600">Sandbox</dt>
          <dd className="break-all">
            {app.sandbox ? (
              <a href={tenantOrigin(app.sandbox.slug)} className="text-brand-text underline">
                {app.sandbox.name}
              </a>
            ) : (
              '—'
            )}
          </dd>
        </dl>
        {canBuild && app.status !== 'removed' ? (
          <div className="mt-4 flex flex-col gap-4">
            <ClientSecretRotation appId={app.id} />
            <WebhookSecretPanel appId={app.id} />
          </div>
        ) : null}
      </Card>

      {canBuild && app.status !== 'removed' ? (
        <Card title="Deprecate or remove" description="Deprecating hides the app from the marketplace while existing installations keep working. Removing ends every installation at once; installing workspaces' admins are emailed first.">
          <RetireAppForm base={api} status={app.status} appName={app.name} />
        </Card>
      ) : null}
    </div>
  );
}
