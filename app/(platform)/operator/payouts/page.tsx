import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ManualPayoutsWaiting, PayoutsTable } from '@/components/payouts/payouts-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperator } from '@/lib/auth/require-operator';
import { listPayoutsForOperator } from '@/lib/payouts/operator-payouts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorResellers.allPayouts');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function OperatorPayoutsPage() {
  await requireOperator();
  const [payouts, t] = await Promise.all([listPayoutsForOperator(), getTranslations('operatorResellers.allPayouts')]);
  const waiting = payouts.filter((payout) => payout.method === 'manual' && payout.status === 'pending');
  const others = payouts.filter((payout) => !waiting.includes(payout));
  return (
    <div className="page flex flex-col gap-6">
      <PageHeader title={t('title')} description={t('description')} />
      <Card title={t('waiting')}>
        <ManualPayoutsWaiting payouts={waiting} testId="operator-manual-payouts" />
      </Card>
      <Card title={t('all')}>
        {others.length === 0 ? <p className="text-sm text-slate-600">{t('empty')}</p> : <PayoutsTable payouts={others} label={t('all')} testId="operator-payouts" showPayee />}
      </Card>
    </div>
  );
}
