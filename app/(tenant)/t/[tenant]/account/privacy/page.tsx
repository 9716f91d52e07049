import type { Metadata } from 'next';
import { DataExportPanel } from '@/components/account/data-export-panel';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { Card } from '@/components/ui/card';
import { hasTwoFactor } from '@/lib/auth/second-factor';
import { db } from '@/lib/db/client';
import { requireMember } from '@/lib/members/require-member';
import { erasureBlocker } from '@/lib/privacy/erase-user';
import { listExports } from '@/lib/privacy/export';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Privacy' };

// The member's own data: a copy of all of it, and deleting the account.
export default async function PrivacyPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'workspace.read');
  const [exports, user, twoFactor, blocker] = await Promise.all([
    listExports(tenant, member),
    db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { passwordHash: true } }),
    hasTwoFactor(member.userId),
    erasureBlocker(member.userId),
  ]);
  return (
    <>
      <Card title="Your data" description={`Everything ${tenant.name} keeps about you (profile, goals, habits, comments, notifications, sessions, audit entries) in one ZIP file of JSON and CSV. We email you when it is ready; it is kept for 7 days.`}>
        <DataExportPanel initial={exports} />
      </Card>
      <Card title="Delete your account" description="Your account and personal data are erased everywhere you use it. Your progress on shared goals stays for your teams, shown as “Former member”. This cannot be undone.">
        <DeleteAccountForm hasPassword={user.passwordHash !== null} hasTwoFactor={twoFactor} blocker={blocker} />
      </Card>
    </>
  );
}
