import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionButton, ChecksPanel, ClientSecretRotation, CommentForm, ImageUploads, RetireAppForm, SubmitForm, VersionEditor, WebhookSecretPanel } from '@/components/marketplace/partner-app-forms';
import { ReviewThread, VersionDetails } from '@/components/marketplace/version-details';
import { HealthFlagBanner } from '@/components/partners/health-flag-banner';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { tenantOrigin } from '@/lib/config/env';
import { SCOPES, type Scope } from '@/lib/api-keys/scopes';
import { createFormatter } from '@/lib/format/formatter';
import { AppError } from '@/lib/http/problem';
import { APP_EVENT_TYPES, APP_SCOPES } from '@/lib/marketplace/app-schema';
import { EDITABLE_STATUSES } from '@/lib/marketplace/app-views';
import { getPartnerApp, type PartnerAppDetail } from '@/lib/marketplace/apps';
import { APP_CATEGORIES } from '@/lib/marketplace/categories';
import { CHECK_LABELS, type CheckId } from '@/lib/marketplace/submission-checks';
import { openFlagsForPartner, type HealthFlagView } from '@/lib/partners/app-health-views';
import { requirePartner } from '@/lib/partners/partner-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('app') };
}
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
  const [t, locale] = await Promise.all([getTranslations('partnerApps'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const isScope = (scope: string): scope is Scope => (SCOPES as readonly string[]).includes(scope);
  const isCheck = (id: string): id is CheckId => id in CHECK_LABELS;
  const open = app.openVersion;
  const editable = open !== null && EDITABLE_STATUSES.includes(open.status) && canBuild && app.status !== 'removed';
  const api = `/api/partner/apps/${app.id}`;
  const categories = APP_CATEGORIES.map((c) => ({ value: c.id, label: t(`categories.${c.id}`) }));
  const scopes = APP_SCOPES.map((scope) => ({ scope, description: isScope(scope) ? t(`scopes.${scope.replace(':', '_') as 'read_users'}`) : '' }));
  const checks = (open?.checks ?? []).map((check) => ({ ...check, label: isCheck(check.id) ? t(`checks.${check.id}`) : check.id }));
  const none = t('detail.none');
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        {t.rich('breadcrumb', {
          page: app.name,
          apps: (chunks) => (
            <Link href="/partner/apps" className="text-brand-text underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-xl font-semibold break-words text-slate-900" data-testid="app-name">
          {app.name}
        </h2>
        <Badge tone={APP_TONE[app.status]} data-testid="app-status">
          {t(`appStatus.${app.status}`)}
        </Badge>
        {open ? (
          <Badge tone="info" data-testid="version-status">
            {t('versionBadge', { number: open.number, status: t(`versionStatus.${open.status}`) })}
          </Badge>
        ) : null}
        {app.featured ? <Badge tone="brand">{t('featured')}</Badge> : null}
      </div>
      <HealthFlagBanner flags={flags} />
      <p className="text-sm text-slate-600">
        {app.live
          ? app.publishedAt
            ? t('detail.liveSince', { number: app.live.number, date: fmt.date(app.publishedAt), installs: app.installs })
            : t('detail.live', { number: app.live.number, installs: app.installs })
          : t('detail.notPublished')}
      </p>
      <nav aria-label={t('detail.moreAbout', { name: app.name })} className="flex flex-wrap gap-4 text-sm">
        <Link href={`/partner/apps/${app.id}/reviews`} className="font-medium text-brand-text underline">
          {t('tabs.reviews')}
        </Link>
        <Link href={`/partner/apps/${app.id}/analytics`} className="font-medium text-brand-text underline">
          {t('tabs.analytics')}
        </Link>
      </nav>

      {open?.status === 'changes_requested' ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm break-words text-amber-900" data-testid="changes-requested">
          {t('detail.changesRequested', { reason: open.decisionReason ?? '' })}
        </p>
      ) : null}
      {open?.status === 'approved' ? (
        <Card title={t('detail.approvedTitle', { number: open.number })} description={t('detail.approvedDescription')}>
          {canBuild ? <ActionButton endpoint={`${api}/publish`} label={t('detail.publish', { number: open.number })} pendingLabel={t('detail.publishing')} /> : null}
        </Card>
      ) : null}

      {open ? (
        <Card title={t('detail.version', { number: open.number })} description={editable ? t('detail.editable') : t('detail.notEditable', { status: t(`versionStatus.${open.status}`) })}>
          {editable ? <VersionEditor appId={app.id} version={open} categories={categories} scopes={scopes} events={APP_EVENT_TYPES} /> : <VersionDetails version={open} />}
        </Card>
      ) : app.status !== 'removed' && canBuild ? (
        <Card title={t('detail.newVersionTitle')} description={t('detail.newVersionDescription')}>
          <ActionButton endpoint={`${api}/version`} label={t('detail.startVersion')} pendingLabel={t('detail.starting')} />
        </Card>
      ) : null}

      {open ? (
        <Card title={t('detail.images')}>
          <ImageUploads appId={app.id} logoUrl={open.logoUrl} screenshots={open.screenshots} editable={editable} />
        </Card>
      ) : null}

      {open ? (
        <Card title={t('detail.checksTitle')} description={t('detail.checksDescription')}>
          <div className="flex flex-col gap-6">
            <ChecksPanel appId={app.id} checks={checks} canRun={editable} />
            {editable ? <SubmitForm appId={app.id} resubmission={open.status === 'changes_requested'} /> : null}
          </div>
        </Card>
      ) : null}

      {open ? (
        <Card title={t('detail.threadTitle')} description={t('detail.threadDescription')}>
          <div className="flex flex-col gap-4">
            <ReviewThread comments={open.comments} />
            {canBuild && app.status !== 'removed' ? <CommentForm endpoint={`${api}/comments`} label={t('detail.reply')} /> : null}
          </div>
        </Card>
      ) : null}

      {app.liveVersion && app.liveVersion.id !== open?.id ? (
        <Card title={t('detail.liveVersion', { number: app.liveVersion.number })}>
          <VersionDetails version={app.liveVersion} />
        </Card>
      ) : null}

      <Card title={t('detail.versions')}>
        <ul className="flex flex-col divide-y divide-slate-100 text-sm" data-testid="versions">
          {app.versions.map((version) => (
            <li key={version.id} className="flex flex-wrap items-center gap-2 py-2">
              <span className="font-medium">{t('detail.version', { number: version.number })}</span>
              <Badge>{t(`versionStatus.${version.status}`)}</Badge>
              <span className="text-slate-600">
                {t('detail.history', {
                  created: fmt.date(version.createdAt),
                  submitted: version.submittedAt ? 'yes' : 'no',
                  submittedAt: version.submittedAt ? fmt.date(version.submittedAt) : '',
                  published: version.publishedAt ? 'yes' : 'no',
                  publishedAt: version.publishedAt ? fmt.date(version.publishedAt) : '',
                })}
              </span>
            </li>
          ))}
        </ul>
      </Card>

      <Card title={t('detail.oauthTitle')} description={t('detail.oauthDescription')}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">{t('detail.clientId')}</dt>
          <dd className="break-all" data-testid="oauth-client-id" dir="ltr">
            <code>{app.oauth.clientId}</code>
          </dd>
          <dt className="text-slate-600">{t('detail.clientSecret')}</dt>
          <dd dir="ltr">{app.oauth.secretHint ? t('detail.secretHint', { hint: app.oauth.secretHint }) : none}</dd>
          <dt className="text-slate-600">{t('detail.redirectUris')}</dt>
          <dd className="break-all" dir="ltr">
            {app.oauth.redirectUris.join(', ') || none}
          </dd>
          <dt className="text-slate-600">{t('detail.scopes')}</dt>
          <dd className="break-words" dir="ltr">
            {app.oauth.allowedScopes.join(', ') || none}
          </dd>
          <dt className="text-slate-600">{t('detail.sandbox')}</dt>
          <dd className="break-all">
            {app.sandbox ? (
              <a href={tenantOrigin(app.sandbox.slug)} className="text-brand-text underline">
                {app.sandbox.name}
              </a>
            ) : (
              none
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
        <Card title={t('detail.retireTitle')} description={t('detail.retireDescription')}>
          <RetireAppForm base={api} status={app.status} appName={app.name} />
        </Card>
      ) : null}
    </div>
  );
}
