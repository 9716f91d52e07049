import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataExportPanel } from '@/components/account/data-export-panel';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { Card } from '@/components/ui/card';
import { hasTwoFactor } from '@/lib/auth/second-factor';
import { db } from '@/lib/db/client';
import type { Language } from '@/lib/i18n/languages';
import { serverTextTranslator } from '@/lib/i18n/server-text';
import { requireMember } from '@/lib/members/require-member';
import { erasureBlocker } from '@/lib/privacy/erase-user';
import { listExports } from '@/lib/privacy/export';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.privacy');
  return { title: t('metaTitle') };
}

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
  const t = await getTranslations('account.privacy');
  // Why the account cannot be deleted yet is the server's sentence (lib/privacy/erase-user.ts), in the page's language.
  const serverText = await serverTextTranslator((await getLocale()) as Language);
  return (
    <>
      <Card title={t('dataTitle')} description={t('dataDescription', { workspace: tenant.name })}>
        <DataExportPanel initial={exports} />
      </Card>
      <Card title={t('deleteTitle')} description={t('deleteDescription')}>
        <DeleteAccountForm hasPassword={user.passwordHash !== null} hasTwoFactor={twoFactor} blocker={blocker ? serverText(blocker) : null} />
      </Card>
    </>
  );
}
