import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { HierarchyTree } from '@/components/resellers/hierarchy-tree';
import { RecruitForm } from '@/components/resellers/reseller-forms';
import { subResellerOverrides, subResellerTree } from '@/lib/resellers/dashboard';
import { defaultRateBps, MAX_TIER } from '@/lib/resellers/hierarchy';
import { requireReseller } from '@/lib/resellers/reseller-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.meta'))('network') };
}
export const dynamic = 'force-dynamic';

export default async function ResellerNetworkPage() {
  const actor = await requireReseller();
  const [tree, overrides, t] = await Promise.all([subResellerTree(actor), subResellerOverrides(actor), getTranslations('reseller.network')]);
  const { reseller } = actor;
  const mayManage = reseller.status === 'approved' && actor.role === 'owner';
  const mayRecruit = mayManage && reseller.tier < MAX_TIER;
  return (
    <div className="flex flex-col gap-6">
      <Card title={t('title')} description={t('description')}>
        <HierarchyTree rootName={reseller.name} nodes={tree} editable={mayManage} overrides={overrides} />
      </Card>
      {mayRecruit ? (
        <Card title={t('recruitTitle')} description={t('recruitDescription', { tier: reseller.tier + 1 })}>
          <RecruitForm maxRateBps={reseller.commissionRateBps} defaultRateBps={defaultRateBps(reseller.tier + 1, reseller.commissionRateBps)} />
        </Card>
      ) : reseller.tier >= MAX_TIER ? (
        <p className="text-sm text-slate-600">{t('maxTier', { tier: MAX_TIER })}</p>
      ) : null}
    </div>
  );
}
