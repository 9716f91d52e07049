import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ImpersonateDialog, ImpersonationAction } from '@/components/platform/impersonate-dialog';
import { LifecycleForm } from '@/components/platform/lifecycle-form';
import { TenantStatusBadge } from '@/components/platform/tenant-status';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { ScrollBox } from '@/components/ui/scroll-box';
import { requireOperator } from '@/lib/auth/require-operator';
import { tenantOrigin } from '@/lib/config/env';
import type { ImpersonationView } from '@/lib/platform/impersonation';
import { getPlatformFormatter } from '@/lib/platform/platform-format';
import { platformCan } from '@/lib/platform/platform-roles';
import { tenantDetails } from '@/lib/platform/tenant-details';
import { actionsFor } from '@/lib/platform/tenant-lifecycle';
import { isServable } from '@/lib/tenancy/tenant-context';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorTenant');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

const STATE_KEYS = { pending: 'pending', approved: 'approved', denied: 'denied', active: 'active', ended: 'ended', expired: 'expired' } as const satisfies Record<ImpersonationView['state'], string>;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 break-words text-sm font-semibold text-slate-900">{children}</dd>
    </div>
  );
}

export default async function OperatorTenantPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const operator = await requireOperator();
  const { tenantId } = await params;
  const tenant = await tenantDetails(tenantId);
  if (!tenant) notFound();
  const [t, format] = await Promise.all([getTranslations('operatorTenant'), getPlatformFormatter()]);
  const mayImpersonate = platformCan(operator.role, 'platform:support') && isServable(tenant.status);
  const lastUsage = tenant.usage.at(-1)?.apiRequests ?? 0;

  return (
    <div className="page flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link href="/operator" className="text-sm font-semibold text-brand-text underline">
          {t('back')}
        </Link>
        <PageHeader
          title={tenant.name}
          description={t.rich('summary', {
            slug: tenant.slug,
            created: format.date(tenant.createdAt),
            seller: tenant.reseller ? t('soldBy', { reseller: tenant.reseller.name }) : t('direct'),
            link: (chunks) => (
              <a href={tenantOrigin(tenant.slug)} className="underline" dir="ltr">
                {chunks}
              </a>
            ),
          })}
        />
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Fact label={t('facts.status')}>
          <TenantStatusBadge status={tenant.status} />
        </Fact>
        <Fact label={t('facts.plan')}>{tenant.plan}</Fact>
        <Fact label={t('facts.members')}>{format.number(tenant.memberCount)}</Fact>
        <Fact label={t('facts.apiCalls')}>{format.number(lastUsage)}</Fact>
        <Fact label={t('facts.storage')}>{t('facts.kilobytes', { size: format.number(Math.round(tenant.storageBytes / 1024)) })}</Fact>
        <Fact label={t('facts.sso')}>{t('facts.ssoValue', { sso: tenant.sso.connections ? 'on' : 'off', scim: tenant.sso.directories ? 'on' : 'off' })}</Fact>
      </dl>

      {platformCan(operator.role, 'platform:manage') && actionsFor(tenant.status).length ? (
        <Section id="lifecycle-heading" title={t('lifecycle.heading')}>
          {tenant.deletionScheduledAt ? <p className="text-sm text-red-800">{t('lifecycle.erasedOn', { date: format.dateTime(tenant.deletionScheduledAt) })}</p> : null}
          <LifecycleForm tenantId={tenant.id} actions={actionsFor(tenant.status)} />
        </Section>
      ) : null}

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
        <Section id="usage-heading" title={t('usage.heading')}>
          {tenant.usage.length ? (
            <ul className="flex flex-col gap-1 text-sm text-slate-800">
              {tenant.usage.map((row) => (
                <li key={row.periodStart.toISOString()} className="flex justify-between gap-4 border-b border-slate-100 py-1">
                  <span>{format.date(row.periodStart)}</span>
                  <span className="tabular-nums">{format.number(row.apiRequests)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t('usage.empty')}</p>
          )}
        </Section>
        <Section id="billing-heading" title={t('billing.heading')}>
          <ul className="flex flex-col gap-1 text-sm text-slate-800">
            {tenant.invoices.map((invoice) => (
              <li key={invoice.id} className="break-all">
                {t('billing.invoice', { id: invoice.id, status: invoice.status, date: format.date(invoice.updatedAt) })}
              </li>
            ))}
            {tenant.domains.map((domain) => (
              <li key={domain.hostname} className="break-all">
                {t('billing.domain', { hostname: domain.hostname, verified: domain.verified ? 'yes' : 'no' })}
              </li>
            ))}
            {tenant.overrides.map((override) => (
              <li key={override.key}>
                {override.expiresAt
                  ? t('billing.overrideUntil', { key: override.key, value: JSON.stringify(override.value), note: override.note, date: format.date(override.expiresAt) })
                  : t('billing.override', { key: override.key, value: JSON.stringify(override.value), note: override.note })}
              </li>
            ))}
            {tenant.invoices.length + tenant.domains.length + tenant.overrides.length === 0 ? <li className="text-slate-600">{t('billing.empty')}</li> : null}
          </ul>
        </Section>
      </div>

      <Section id="members-heading" title={t('members.heading')}>
        <p className="text-sm text-slate-600">{tenant.impersonationApproval ? t('members.approvalRequired') : t('members.noApproval')}</p>
        <ScrollBox label={t('members.heading')} className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full border-collapse text-start text-sm">
            <caption className="sr-only">{t('members.caption', { workspace: tenant.name })}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">
                  {t('members.member')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('members.role')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('members.joined')}
                </th>
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">{t('members.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tenant.members.map((member) => (
                <tr key={member.userId} className="border-t border-slate-100" data-testid={`member-row-${member.email}`}>
                  <td className="px-4 py-2">
                    <span className="font-medium text-slate-900">{member.name ?? member.email}</span>
                    {member.name ? <span className="block text-slate-600">{member.email}</span> : null}
                  </td>
                  <td className="px-4 py-2">{t(`members.roles.${member.role}`)}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{format.date(member.joinedAt)}</td>
                  <td className="px-4 py-2 text-end">
                    {mayImpersonate && !member.platformStaff ? <ImpersonateDialog tenantId={tenant.id} member={{ userId: member.userId, label: member.name ?? member.email }} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        {tenant.memberCount > tenant.members.length ? <p className="text-sm text-slate-600">{t('members.firstOf', { shown: format.number(tenant.members.length), total: format.number(tenant.memberCount) })}</p> : null}
      </Section>

      <Section id="support-heading" title={t('sessions.heading')}>
        {tenant.impersonations.length ? (
          <ul className="flex flex-col gap-2">
            {tenant.impersonations.map((session) => (
              <li key={session.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="support-session">
                <Badge tone={session.state === 'active' ? 'warning' : session.state === 'approved' ? 'info' : 'neutral'}>{t(`sessions.states.${STATE_KEYS[session.state]}`)}</Badge>
                <span className="min-w-0 flex-1 break-words">
                  {t('sessions.summary', { operator: session.operatorEmail, member: session.member.email, mode: session.readOnly ? 'readOnly' : 'readWrite', minutes: session.minutes, reason: session.reason })}
                </span>
                <span className="text-slate-600">{format.dateTime(session.createdAt)}</span>
                {session.state === 'approved' && session.operatorEmail === operator.email ? <ImpersonationAction id={session.id} action="start" /> : null}
                {session.state === 'active' && platformCan(operator.role, 'platform:support') ? <ImpersonationAction id={session.id} action="end" /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t('sessions.empty')}</p>
        )}
      </Section>

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
        <Section id="platform-events-heading" title={t('events.platformHeading')}>
          <ul className="flex flex-col gap-1 text-sm text-slate-800">
            {tenant.platformEvents.map((event) => (
              <li key={event.id} className="break-words">
                {t.rich('events.platformEvent', {
                  date: format.dateTime(event.createdAt),
                  action: event.action,
                  actor: event.actorEmail ?? t('events.waypoint'),
                  reason: event.reason ?? '',
                  hasReason: event.reason ? 'yes' : 'no',
                  muted: (chunks) => <span className="text-slate-600">{chunks}</span>,
                })}
              </li>
            ))}
            {tenant.platformEvents.length ? null : <li className="text-slate-600">{t('events.empty')}</li>}
          </ul>
          <Link href={`/operator/audit?targetType=tenant&targetId=${encodeURIComponent(tenant.id)}`} className="text-sm font-semibold text-brand-text underline">
            {t('events.allPlatformEvents')}
          </Link>
        </Section>
        <Section id="workspace-events-heading" title={t('events.workspaceHeading')}>
          <ul className="flex flex-col gap-1 text-sm text-slate-800">
            {tenant.workspaceEvents.map((event) => (
              <li key={event.id} className="break-words">
                {t.rich('events.workspaceEvent', {
                  date: format.dateTime(event.createdAt),
                  action: event.action,
                  actor: event.actorEmail ?? t('events.system'),
                  muted: (chunks) => <span className="text-slate-600">{chunks}</span>,
                })}
              </li>
            ))}
            {tenant.workspaceEvents.length ? null : <li className="text-slate-600">{t('events.empty')}</li>}
          </ul>
        </Section>
      </div>
    </div>
  );
}
