import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { getCurrentMember } from '@/lib/auth/session';
import { tenantDb } from '@/lib/db/tenant-db';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export default async function TenantHome({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await getCurrentMember(tenant);

  if (!member) {
    return (
      <section className="mx-auto max-w-3xl px-6 py-20 text-center">
        <h1 className="text-4xl font-bold text-slate-900">{tenant.name}</h1>
        <p className="mt-4 text-lg text-slate-600">Sign in to see your goals, habits and team.</p>
        <Link href="/signin" className={buttonClass('primary', 'mt-8 px-6 py-3 text-base')}>
          Sign in
        </Link>
      </section>
    );
  }

  const members = await tenantDb(tenant.id).membership.findMany({
    orderBy: { createdAt: 'asc' },
    take: 20,
    select: { id: true, role: true, user: { select: { name: true, email: true } } },
  });
  const total = await tenantDb(tenant.id).membership.count();

  return (
    <section className="mx-auto max-w-5xl px-6 py-12">
      <h1 className="text-3xl font-bold text-slate-900">Welcome, {member.name ?? member.email}</h1>
      <p className="mt-2 text-slate-600">
        You are signed in to {tenant.name} as <strong data-testid="member-role">{member.role}</strong>.
      </p>
      <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-lg font-semibold text-slate-900">People in this workspace ({total})</h2>
        <ul className="mt-4 divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.id} className="flex items-center justify-between py-2 text-sm">
              <span>
                {m.user.name ?? m.user.email} <span className="text-slate-500">{m.user.email}</span>
              </span>
              <span className="rounded-full bg-brand/10 px-2 py-0.5 text-xs font-medium text-brand">{m.role}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
