import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { PlanSelect } from '@/components/platform/plan-select';
import { getCurrentOperator } from '@/lib/auth/session';
import { listPlans } from '@/lib/billing/plans';
import { stripeConfigured } from '@/lib/billing/stripe-client';
import { tenantOrigin } from '@/lib/config/env';
import { db } from '@/lib/db/client';
import { FormattedDate } from '@/components/ui/formatted';

export const metadata: Metadata = { title: 'Operator' };
export const dynamic = 'force-dynamic';

export default async function OperatorPage() {
  const operator = await getCurrentOperator();
  if (!operator) redirect('/operator/signin');
  const plans = (await listPlans()).map(({ id, name }) => ({ id, name }));
  const tenants = await db.tenant.findMany({
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, slug: true, name: true, status: true, plan: true, createdAt: true, _count: { select: { memberships: true } } },
  });
  return (
    <section className="mx-auto max-w-5xl px-6 py-12">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold text-slate-900">Workspaces</h1>
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <Link href="/operator/resellers" className="font-semibold text-brand-text underline">
            Resellers
          </Link>
          {operator.email}
          <SignOutButton callbackUrl="/operator/signin" />
        </div>
      </div>
      <p className="mt-2 text-sm text-slate-600">
        {stripeConfigured()
          ? "Plans follow the workspaces' Stripe subscriptions; a plan set here lasts until their next subscription event."
          : 'Billing is not configured (no STRIPE_SECRET_KEY): set each workspace’s plan here.'}
      </p>
      <table className="mt-6 w-full border-collapse overflow-hidden rounded-lg bg-white text-left text-sm shadow-sm">
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2">Workspace</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Plan</th>
            <th scope="col" className="px-4 py-2">Members</th>
            <th scope="col" className="px-4 py-2">Created</th>
          </tr>
        </thead>
        <tbody>
          {tenants.map((tenant) => (
            <tr key={tenant.id} className="border-t border-slate-100">
              <td className="px-4 py-2">
                <a href={tenantOrigin(tenant.slug)} className="font-medium text-brand-text underline">
                  {tenant.name}
                </a>{' '}
                <span className="text-slate-500">({tenant.slug})</span>
              </td>
              <td className="px-4 py-2">{tenant.status}</td>
              <td className="px-4 py-2">
                <PlanSelect tenantId={tenant.id} tenantName={tenant.name} plan={tenant.plan} plans={plans} />
              </td>
              <td className="px-4 py-2">{tenant._count.memberships}</td>
              <td className="px-4 py-2"><FormattedDate value={tenant.createdAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
