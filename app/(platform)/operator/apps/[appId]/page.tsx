import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChecklistForm, DecisionForm, FeaturedToggle } from '@/components/marketplace/operator-app-review';
import { CommentForm, RetireAppForm } from '@/components/marketplace/partner-app-forms';
import { ReviewThread, VersionDetails } from '@/components/marketplace/version-details';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FormattedDate } from '@/components/ui/formatted';
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
import { APP_STATUS_LABELS, REVIEWABLE_STATUSES, STATUS_LABELS } from '@/lib/marketplace/app-views';
import { CHECK_LABELS, type CheckId } from '@/lib/marketplace/submission-checks';

export const metadata: Metadata = { title: 'App review · Operator' };
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
  const flags = await flagsOfApp(app.id);
  const review = app.reviewVersion;
  const priced = app.liveVersion ?? review;
  const paid = priced !== null && isPaid(priced.price);
  const allowances = paid ? await listPaidAppAllowances(operator, app.id) : [];
  const reviewable = review !== null && REVIEWABLE_STATUSES.includes(review.status);
  const name = review?.name ?? app.liveVersion?.name ?? app.slug;
  return (
    <section className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link href="/operator/apps" className="text-brand-text underline">
          Apps
        </Link>{' '}
        / {name}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold break-words text-slate-900" data-testid="app-name">
          {name}
        </h1>
        <Badge data-testid="app-status">{APP_STATUS_LABELS[app.status]}</Badge>
        {review ? <Badge tone="info" data-testid="version-status">{`Version ${review.number}: ${STATUS_LABELS[review.status]}`}</Badge> : null}
        {app.featured ? <Badge tone="brand">Featured</Badge> : null}
        {flags.some((f) => f.clearedAt === null) ? (
          <Badge tone="danger" data-testid="flagged-badge">
            Flagged
          </Badge>
        ) : null}
      </div>
      <p className="text-sm break-words text-slate-600">
        By {app.partner.name} ({app.partner.status}
        {app.partner.supportEmail ? `, ${app.partner.supportEmail}` : ''}) · {app.installs} active installation{app.installs === 1 ? '' : 's'}
        {app.sandbox ? (
          <>
            {' '}
            · sandbox{' '}
            <a className="text-brand-text underline" href={tenantOrigin(app.sandbox.slug)}>
              {app.sandbox.slug}
            </a>
          </>
        ) : null}
      </p>

      {review ? (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="flex min-w-0 flex-col gap-6">
            <Card title={`Version ${review.number}`} description={review.submittedAt ? <>Submitted <FormattedDate value={review.submittedAt} />.</> : 'Not submitted.'}>
              <VersionDetails version={review} />
            </Card>
            {app.changes ? (
              <Card title={`Changes since live version ${app.liveVersion?.number}`}>
                <ul className="flex flex-col gap-1 text-sm break-words" data-testid="version-changes">
                  <li>Scopes added: {app.changes.scopesAdded.join(', ') || 'none'}</li>
                  <li>Scopes removed: {app.changes.scopesRemoved.join(', ') || 'none'}</li>
                  <li>Redirect URIs added: {app.changes.redirectUrisAdded.join(', ') || 'none'}</li>
                  <li>Redirect URIs removed: {app.changes.redirectUrisRemoved.join(', ') || 'none'}</li>
                  <li>Webhook events added: {app.changes.webhookEventsAdded.join(', ') || 'none'}</li>
                  <li data-testid="version-price-change">Price: {app.changes.priceChange ? `${app.changes.priceChange.from} → ${app.changes.priceChange.to}` : 'unchanged'}</li>
                </ul>
              </Card>
            ) : null}
            <Card title="Review thread">
              <div className="flex flex-col gap-4">
                <ReviewThread comments={review.comments} />
                {review.status !== 'draft' ? <CommentForm endpoint={`/api/operator/app-reviews/${review.id}/comments`} label="Write to the partner" /> : null}
              </div>
            </Card>
          </div>
          <div className="flex min-w-0 flex-col gap-6">
            <Card title="Automated checks">
              {review.checks.length ? (
                <ul className="flex flex-col gap-2 text-sm" data-testid="review-checks">
                  {review.checks.map((check) => (
                    <li key={check.id} className="break-words">
                      <span aria-hidden className={check.ok ? 'text-emerald-700' : 'text-red-700'}>
                        {check.ok ? '✓ ' : '✗ '}
                      </span>
                      <span className="font-medium">{CHECK_LABELS[check.id as CheckId] ?? check.id}</span>
                      <span className="sr-only">{check.ok ? ': passed' : ': failed'}</span>: {check.message}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600">Not run yet.</p>
              )}
            </Card>
            {reviewable ? (
              <>
                <Card title="Checklist" description="Tick each item before approving.">
                  <ChecklistForm versionId={review.id} items={app.checklist} />
                </Card>
                <Card title="Decision">
                  <DecisionForm versionId={review.id} status={review.status} />
                </Card>
              </>
            ) : review.decisionReason ? (
              <Card title="Decision">
                <p className="text-sm break-words text-slate-700">{review.decisionReason}</p>
              </Card>
            ) : null}
          </div>
        </div>
      ) : null}

      {paid && priced ? (
        <Card
          title="Paid installs"
          description={
            stripeConfigured()
              ? `${describePricing(priced.price)}. Workspaces pay on their Stripe subscription; allowances matter only while billing is not configured.`
              : `${describePricing(priced.price)}. Billing is not configured: a workspace can install this app only where you allow it (you bill it yourself).`
          }
        >
          <PaidAppAllowances appId={app.id} allowances={allowances} />
        </Card>
      ) : null}

      <Card title="Integration health" description="Flags raised by the hourly health check over the last 24 hours' traffic; the partner is emailed too, and a flag clears once the rate is back under its threshold.">
        <HealthFlagList flags={flags} />
      </Card>

      <Card title="Versions">
        <ul className="flex flex-col divide-y divide-slate-100 text-sm">
          {app.versions.map((version) => (
            <li key={version.id} className="flex flex-wrap items-center gap-2 py-2">
              <Link href={`/operator/apps/${app.id}?version=${version.id}`} className="font-medium text-brand-text underline">
                Version {version.number}
              </Link>
              <Badge>{STATUS_LABELS[version.status]}</Badge>
              {version.publishedAt ? (
                <span className="text-slate-600">
                  published <FormattedDate value={version.publishedAt} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>

      {app.status !== 'removed' ? (
        <Card title="Marketplace" description="Featured apps lead every workspace's marketplace. Deprecating hides the app and keeps installations working; removing ends them (their admins are emailed first).">
          <div className="flex flex-col gap-4">
            {app.status === 'published' ? <FeaturedToggle appId={app.id} name={name} featured={app.featured} /> : null}
            <RetireAppForm base={`/api/operator/apps/${app.id}`} status={app.status} appName={name} />
          </div>
        </Card>
      ) : null}
    </section>
  );
}
