import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { HierarchyTree } from '@/components/resellers/hierarchy-tree';
import { RecruitForm } from '@/components/resellers/reseller-forms';
import { subResellerTree } from '@/lib/resellers/dashboard';
import { defaultRateBps, MAX_TIER } from '@/lib/resellers/hierarchy';
import { requireReseller } from '@/lib/resellers/reseller-session';

export const metadata: Metadata = { title: 'Sub-resellers' };
export const dynamic = 'force-dynamic';

export default async function ResellerNetworkPage() {
  const actor = await requireReseller();
  const tree = await subResellerTree(actor);
  const { reseller } = actor;
  const mayManage = reseller.status === 'approved' && actor.role === 'owner';
  const mayRecruit = mayManage && reseller.tier < MAX_TIER;
  return (
    <div className="flex flex-col gap-6">
      <Card
        title="Your network"
        description="Your sub-resellers and theirs. You earn an override on their clients' invoices; their clients' details stay theirs."
      >
        <HierarchyTree rootName={reseller.name} nodes={tree} editable={mayManage} />
      </Card>
      {mayRecruit ? (
        <Card title="Recruit a sub-reseller" description={`A tier-${reseller.tier + 1} reseller under you. It starts selling once the Waypoint team approves it.`}>
          <RecruitForm maxRateBps={reseller.commissionRateBps} defaultRateBps={defaultRateBps(reseller.tier + 1, reseller.commissionRateBps)} />
        </Card>
      ) : reseller.tier >= MAX_TIER ? (
        <p className="text-sm text-slate-600">Tier-{MAX_TIER} resellers do not recruit sub-resellers.</p>
      ) : null}
    </div>
  );
}
