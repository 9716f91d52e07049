import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChecklistForm, DecisionForm, FeaturedToggle } from '@/components/marketplace/operator-app-review';
import { CommentForm, RetireAppForm } from '@/components/marketplace/partner-app-forms';
import { ReviewThread, VersionDetails } from '@/components/marketplace/version-details';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { requireOperator } from '@/lib/auth/require-operator';
import { tenantOrigin } from '@/lib/config/env';
import { AppError } from '@/lib/http/problem';
import { getAppForReview, type OperatorAppView } from '@/lib/marketplace/app-review';
import { listPaidAppAllowances } from '@/lib/marketplace/paid-app-allowances';
import { describePricing, isPaid } from '@/lib/marketplace/pricing';
import { stripeConfigured } from '@/lib/billing/stripe-client';
import { PaidAppAllowances } from '@/components/marketplace/paid-app-allowances';
import { flagsOfApp } from '@/lib/partners/app-health-views';
import { HealthFlagList } from '@/components/partners/health-flag-list';
import { REVIEWABLE_STATUSES } from '@/lib/marketplace/app-views';
import type { CheckId } from '@/lib/marketplace/submission-checks';
import { getPlatformFormatter } from '@/lib/platform/platform-format';
import { APP_STATUS_KEYS, CHECK_KEYS, VERSION_STATUS_KEYS } from '@/components/platform/app-status-keys';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorApps');
  return { title: t('app.metaTitle') };
}
export const dynamic = 'force-dynamic';

const ID = /^[A-Za-z0-9_-]{1,100}$/;

export default async function OperatorAppPage({ params, searchParams }: { params: Promise<{ appId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator();
  const { appId } = await params;
  const { version: versionParam } = await searchParams;
  const versionId = typeof versionParam === 'string' && ID.test(versionParam) ? versionParam : null;
  if (!ID.test(appId)) notFound();
  let app: OperatorAppView;
  try {
    app = await getAppForReview(operator, appId, versionId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
  const [flags, t, format] = await Promise.all([flagsOfApp(app.id), getTranslations('operatorApps'), getPlatformFormatter()]);
  const versionStatus = (status: keyof typeof VERSION_STATUS_KEYS) => t(`versionStatus.${VERSION_STATUS_KEYS[status]}`);
  const none = t('app.changes.none');
  const review = app.reviewVersion;
  const priced = app.liveVersion ?? review;
  const paid = priced !== null && isPaid(priced.price);
  const allowances = paid ? await listPaidAppAllowances(operator, app.id) : [];
  const reviewable = review !== null && REVIEWABLE_STATUSES.includes(review.status);
  const name = review?.name ?? app.liveVersion?.name ?? app.slug;
  return (
    <section className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10 sm:px-6">
      <p className="text-sm">
        {t.rich('app.breadcrumb', {
          name,
          link: (chunks) => (
            <Link href="/operator/apps" className="text-brand-text underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold break-words text-slate-900" data-testid="app-name">
          {name}
        </h1>
        <Badge data-testid="app-status">{t(`appStatus.${APP_STATUS_KEYS[app.status]}`)}</Badge>
        {review ? (
          <Badge tone="info" data-testid="version-status">
            {t('app.versionStatus', { number: review.number, status: versionStatus(review.status) })}
          </Badge>
        ) : null}
        {app.featured ? <Badge tone="brand">{t('featured')}</Badge> : null}
        {flags.some((f) => f.clearedAt === null) ? (
          <Badge tone="danger" data-testid="flagged-badge">
            {t('flagged')}
          </Badge>
        ) : null}
      </div>
      <p className="text-sm break-words text-slate-600">
        {t.rich('app.byline', {
          partner: app.partner.name,
          status: app.partner.status,
          hasEmail: app.partner.supportEmail ? 'yes' : 'no',
          email: app.partner.supportEmail ?? '',
          installs: app.installs,
          hasSandbox: app.sandbox ? 'yes' : 'no',
          slug: app.sandbox?.slug ?? '',
          sandbox: (chunks) => (
            <a className="text-brand-text underline" href={app.sandbox ? tenantOrigin(app.sandbox.slug) : undefined}>
              {chunks}
            </a>
          ),
        })}
      </p>

      {review ? (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="flex min-w-0 flex-col gap-6">
            <Card title={t('app.version', { number: review.number })} description={review.submittedAt ? t('app.submitted', { date: format.date(review.submittedAt) }) : t('app.notSubmitted')}>
              <VersionDetails version={review} />
            </Card>
            {app.changes ? (
              <Card title={t('app.changes.title', { number: app.liveVersion?.number ?? '' })}>
                <ul className="flex flex-col gap-1 text-sm break-words" data-testid="version-changes">
                  <li>{t('app.changes.scopesAdded', { list: app.changes.scopesAdded.join(', ') || none })}</li>
                  <li>{t('app.changes.scopesRemoved', { list: app.changes.scopesRemoved.join(', ') || none })}</li>
                  <li>{t('app.changes.redirectUrisAdded', { list: app.changes.redirectUrisAdded.join(', ') || none })}</li>
                  <li>{t('app.changes.redirectUrisRemoved', { list: app.changes.redirectUrisRemoved.join(', ') || none })}</li>
                  <li>{t('app.changes.webhookEventsAdded', { list: app.changes.webhookEventsAdded.join(', ') || none })}</li>
                  <li data-testid="version-price-change">
                    {app.changes.priceChange ? t('app.changes.price', { from: app.changes.priceChange.from, to: app.changes.priceChange.to }) : t('app.changes.priceUnchanged')}
                  </li>
                </ul>
              </Card>
            ) : null}
            <Card title={t('app.thread')}>
              <div className="flex flex-col gap-4">
                <ReviewThread comments={review.comments} />
                {review.status !== 'draft' ? <CommentForm endpoint={`/api/operator/app-reviews/${review.id}/comments`} label={t('app.writeToPartner')} /> : null}
              </div>
            </Card>
          </div>
          <div className="flex min-w-0 flex-col gap-6">
            <Card title={t('app.checks')}>
              {review.checks.length ? (
                <ul className="flex flex-col gap-2 text-sm" data-testid="review-checks">
                  {review.checks.map((check) => (
                    <li key={check.id} className="break-words">
                      {t.rich('app.checkLine', {
                        ok: check.ok ? 'yes' : 'no',
                        label: CHECK_KEYS[check.id as CheckId] ? t(`checkLabels.${CHECK_KEYS[check.id as CheckId]}`) : check.id,
                        message: check.message,
                        mark: (chunks) => (
                          <span aria-hidden className={check.ok ? 'text-emerald-700' : 'text-red-700'}>
                            {chunks}
                          </span>
                        ),
                        name: (chunks) => <span className="font-medium">{chunks}</span>,
                        sr: (chunks) => <span className="sr-only">{chunks}</span>,
                      })}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600">{t('app.notRun')}</p>
              )}
            </Card>
            {reviewable ? (
              <>
                <Card title={t('app.checklist')} description={t('app.checklistDescription')}>
                  <ChecklistForm versionId={review.id} items={app.checklist} />
                </Card>
                <Card title={t('app.decision')}>
                  <DecisionForm versionId={review.id} status={review.status} />
                </Card>
              </>
            ) : review.decisionReason ? (
              <Card title={t('app.decision')}>
                <p className="text-sm break-words text-slate-700">{review.decisionReason}</p>
              </Card>
            ) : null}
          </div>
        </div>
      ) : null}

      {paid && priced ? (
        <Card
          title={t('app.paid.title')}
          description={stripeConfigured() ? t('app.paid.stripe', { pricing: describePricing(priced.price, format) }) : t('app.paid.noBilling', { pricing: describePricing(priced.price, format) })}
        >
          <PaidAppAllowances appId={app.id} allowances={allowances} />
        </Card>
      ) : null}

      <Card title={t('app.health.title')} description={t('app.health.description')}>
        <HealthFlagList flags={flags} />
      </Card>

      <Card title={t('app.versions')}>
        <ul className="flex flex-col divide-y divide-slate-100 text-sm">
          {app.versions.map((version) => (
            <li key={version.id} className="flex flex-wrap items-center gap-2 py-2">
              <Link href={`/operator/apps/${app.id}?version=${version.id}`} className="font-medium text-brand-text underline">
                {t('app.version', { number: version.number })}
              </Link>
              <Badge>{versionStatus(version.status)}</Badge>
              {version.publishedAt ? <span className="text-slate-600">{t('app.published', { date: format.date(version.publishedAt) })}</span> : null}
            </li>
          ))}
        </ul>
      </Card>

      {app.status !== 'removed' ? (
        <Card title={t('app.marketplace.title')} description={t('app.marketplace.description')}>
          <div className="flex flex-col gap-4">
            {app.status === 'published' ? <FeaturedToggle appId={app.id} name={name} featured={app.featured} /> : null}
            <RetireAppForm base={`/api/operator/apps/${app.id}`} status={app.status} appName={name} />
          </div>
        </Card>
      ) : null}
    </section>
  );
}
