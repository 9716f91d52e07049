import type { Metadata } from 'next';
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
import { createFormatter } from '@/lib/format/formatter';
import type { ImpersonationView } from '@/lib/platform/impersonation';
import { platformCan } from '@/lib/platform/platform-roles';
import { tenantDetails } from '@/lib/platform/tenant-details';
import { actionsFor } from '@/lib/platform/tenant-lifecycle';
import { isServable } from '@/lib/tenancy/tenant-context';

export const metadata: Metadata = { title: 'Workspace' };
export const dynamic = 'force-dynamic';

const format = createFormatter();

const STATE_LABELS: Record<ImpersonationView['state'], string> = { pending: 'Waiting for approval', approved: 'Approved', denied: 'Denied', active: 'Running', ended: 'Ended', expired: 'Expired' };

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
  const mayImpersonate = platformCan(operator.role, 'platform:support') && isServable(tenant.status);
  const lastUsage = tenant.usage.at(-1)?.apiRequests ?? 0;

  return (
    <div className="page flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link href="/operator" className="text-sm font-semibold text-brand-text underline">
          ← All workspaces
        </Link>
        <PageHeader
          title={tenant.name}
          description={
            <>
              <a href={tenantOrigin(tenant.slug)} className="underline">
                {tenant.slug}
              </a>{' '}
              · created {format.date(tenant.createdAt)} · {tenant.reseller ? `sold by ${tenant.reseller.name}` : 'direct'}
            </>
          }
        />
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Fact label="Status">
          <TenantStatusBadge status={tenant.status} />
        </Fact>
        <Fact label="Plan">{tenant.plan}</Fact>
        <Fact label="Members">{format.number(tenant.memberCount)}</Fact>
        <Fact label="API calls this period">{format.number(lastUsage)}</Fact>
        <Fact label="Stored images">{format.number(Math.round(tenant.storageBytes / 1024))} KB</Fact>
        <Fact label="SSO / SCIM">
          {tenant.sso.connections ? 'SSO on' : 'No SSO'} · {tenant.sso.directories ? 'SCIM on' : 'no SCIM'}
        </Fact>
      </dl>

      {platformCan(operator.role, 'platform:manage') && actionsFor(tenant.status).length ? (
        <Section id="lifecycle-heading" title="Status">
          {tenant.deletionScheduledAt ? <p className="text-sm text-red-800">Its data will be erased on {format.dateTime(tenant.deletionScheduledAt)} unless restored.</p> : null}
          <LifecycleForm tenantId={tenant.id} actions={actionsFor(tenant.status)} />
        </Section>
      ) : null}

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
        <Section id="usage-heading" title="API calls by billing period">
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
            <p className="text-sm text-slate-600">No API calls yet.</p>
          )}
        </Section>
        <Section id="billing-heading" title="Invoices, domains and overrides">
          <ul className="flex flex-col gap-1 text-sm text-slate-800">
            {tenant.invoices.map((invoice) => (
              <li key={invoice.id} className="break-all">
                Invoice {invoice.id}: {invoice.status} ({format.date(invoice.updatedAt)})
              </li>
            ))}
            {tenant.domains.map((domain) => (
              <li key={domain.hostname} className="break-all">
                Domain {domain.hostname} {domain.verified ? '(verified)' : '(not verified)'}
              </li>
            ))}
            {tenant.overrides.map((override) => (
              <li key={override.key}>
                Override {override.key} = {JSON.stringify(override.value)} — {override.note}
                {override.expiresAt ? ` (until ${format.date(override.expiresAt)})` : ''}
              </li>
            ))}
            {tenant.invoices.length + tenant.domains.length + tenant.overrides.length === 0 ? <li className="text-slate-600">No invoices, custom domains or overrides.</li> : null}
          </ul>
        </Section>
      </div>

      <Section id="members-heading" title="Members">
        <p className="text-sm text-slate-600">
          {tenant.impersonationApproval ? 'This workspace requires an owner’s approval before support acts as a member.' : 'Support may act as a member without asking first; the owners see every session in their audit log.'}
        </p>
        <ScrollBox label="Members" className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Members of {tenant.name}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">Member</th>
                <th scope="col" className="px-4 py-2">Role</th>
                <th scope="col" className="px-4 py-2">Joined</th>
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">Actions</span>
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
                  <td className="px-4 py-2 capitalize">{member.role}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{format.date(member.joinedAt)}</td>
                  <td className="px-4 py-2 text-right">
                    {mayImpersonate && !member.platformStaff ? <ImpersonateDialog tenantId={tenant.id} member={{ userId: member.userId, label: member.name ?? member.email }} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        {tenant.memberCount > tenant.members.length ? <p className="text-sm text-slate-600">Showing the first {tenant.members.length} of {format.number(tenant.memberCount)} members.</p> : null}
      </Section>

      <Section id="support-heading" title="Support sessions">
        {tenant.impersonations.length ? (
          <ul className="flex flex-col gap-2">
            {tenant.impersonations.map((session) => (
              <li key={session.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="support-session">
                <Badge tone={session.state === 'active' ? 'warning' : session.state === 'approved' ? 'info' : 'neutral'}>{STATE_LABELS[session.state]}</Badge>
                <span className="min-w-0 flex-1 break-words">
                  {session.operatorEmail} as {session.member.email}, {session.readOnly ? 'read-only' : 'read-write'}, {session.minutes} min — “{session.reason}”
                </span>
                <span className="text-slate-600">{format.dateTime(session.createdAt)}</span>
                {session.state === 'approved' && session.operatorEmail === operator.email ? <ImpersonationAction id={session.id} action="start" /> : null}
                {session.state === 'active' && platformCan(operator.role, 'platform:support') ? <ImpersonationAction id={session.id} action="end" /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">No support sessions yet.</p>
        )}
      </Section>

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
        <Section id="platform-events-heading" title="Platform audit">
          <ul className="flex flex-col gap-1 text-sm text-slate-800">
            {tenant.platformEvents.map((event) => (
              <li key={event.id} className="break-words">
                <span className="text-slate-600">{format.dateTime(event.createdAt)}</span> {event.action} by {event.actorEmail ?? 'Waypoint'}
                {event.reason ? ` — ${event.reason}` : ''}
              </li>
            ))}
            {tenant.platformEvents.length ? null : <li className="text-slate-600">Nothing yet.</li>}
          </ul>
          <Link href={`/operator/audit?targetType=tenant&targetId=${encodeURIComponent(tenant.id)}`} className="text-sm font-semibold text-brand-text underline">
            All platform events for this workspace
          </Link>
        </Section>
        <Section id="workspace-events-heading" title="Workspace audit">
          <ul className="flex flex-col gap-1 text-sm text-slate-800">
            {tenant.workspaceEvents.map((event) => (
              <li key={event.id} className="break-words">
                <span className="text-slate-600">{format.dateTime(event.createdAt)}</span> {event.action} by {event.actorEmail ?? 'the system'}
              </li>
            ))}
            {tenant.workspaceEvents.length ? null : <li className="text-slate-600">Nothing yet.</li>}
          </ul>
        </Section>
      </div>
    </div>
  );
}
