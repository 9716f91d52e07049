import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { NewAppForm } from '@/components/marketplace/partner-app-forms';
import { APP_CATEGORIES } from '@/lib/marketplace/categories';
import { requirePartner } from '@/lib/partners/partner-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('newApp') };
}
export const dynamic = 'force-dynamic';

export default async function NewPartnerAppPage() {
  const actor = await requirePartner();
  const t = await getTranslations('partnerApps');
  const canBuild = actor.partner.status === 'active' && actor.role !== 'billing';
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        {t.rich('breadcrumb', {
          page: t('list.newApp'),
          apps: (chunks) => (
            <Link href="/partner/apps" className="text-brand-text underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <Card title={t('list.newApp')} description={t('newAppDescription')}>
        {canBuild ? <NewAppForm categories={APP_CATEGORIES.map((c) => ({ value: c.id, label: t(`categories.${c.id}`) }))} /> : <p className="text-sm text-slate-600">{t('newAppNotAllowed')}</p>}
      </Card>
    </div>
  );
}
