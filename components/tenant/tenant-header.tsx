import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import type { Member } from '@/lib/auth/session';
import type { TenantContext } from '@/lib/tenancy/tenant-context';

export function TenantHeader({ tenant, member }: { tenant: TenantContext; member: Member | null }) {
  return (
    <header className="bg-brand-secondary text-brand-secondary-fg">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center justify-between px-6 py-3">
        <Link href="/" className="flex items-center gap-3 text-lg font-bold">
          {tenant.branding.logoUrl ? <img src={tenant.branding.logoUrl} alt="" height={32} className="h-8 w-auto" data-testid="tenant-logo" /> : null}
          <span data-testid="tenant-name">{tenant.name}</span>
        </Link>
        {member ? (
          <div className="flex items-center gap-3 text-sm">
            <span data-testid="signed-in-as">{member.name ?? member.email}</span>
            <div className="rounded-md bg-white">
              <SignOutButton />
            </div>
          </div>
        ) : (
          <Link href="/signin" className="rounded-md bg-brand px-3 py-2 text-sm font-semibold text-brand-fg">
            Sign in
          </Link>
        )}
      </nav>
    </header>
  );
}
