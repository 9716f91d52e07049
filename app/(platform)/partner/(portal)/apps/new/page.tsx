import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { NewAppForm } from '@/components/marketplace/partner-app-forms';
import { APP_CATEGORIES } from '@/lib/marketplace/categories';
import { requirePartner } from '@/lib/partners/partner-session';

export const metadata: Metadata = { title: 'New app · Partner portal' };
export const dynamic = 'force-dynamic';

export default async function NewPartnerAppPage() {
  const actor = await requirePartner();
  const canBuild = actor.partner.status === 'active' && actor.role !== 'billing';
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        <Link href="/partner/apps" className="text-brand-text underline">
          Apps
        </Link>{' '}
        / New app
      </p>
      <Card title="New app" description="The app starts as a draft with its own OAuth client, registered in your sandbox workspace. Fill in the listing, try it in the sandbox, then submit it for review.">
        {canBuild ? <NewAppForm categories={APP_CATEGORIES.map((c) => ({ value: c.id, label: c.label }))} /> : <p className="text-sm text-slate-600">Only owners and developers of an active partner account create apps.</p>}
      </Card>
    </div>
  );
}
