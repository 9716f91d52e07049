import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TwoFactorPanel } from '@/components/account/two-factor-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { twoFactorStatus } from '@/lib/account/two-factor';
import { requireOperator } from '@/lib/auth/require-operator';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operator.security');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

export default async function OperatorSecurityPage() {
  // Open to staff without 2FA: this is where they turn it on.
  const operator = await requireOperator({ twoFactorOptional: true });
  const [twoFactor, t] = await Promise.all([twoFactorStatus(operator), getTranslations('operator.security')]);
  return (
    <div className="page flex flex-col gap-6">
      <PageHeader title={t('title')} description={t('description', { email: operator.email })} />
      <Card title={t('twoFactorTitle')} description={t('twoFactorDescription')}>
        <TwoFactorPanel initial={twoFactor} required={twoFactor.enabled ? null : t('required')} basePath="/api/operator/account/two-factor" canTurnOff={false} />
        {twoFactor.enabled ? <p className="mt-4 text-sm text-slate-600">{t('lostPhone')}</p> : null}
      </Card>
    </div>
  );
}
