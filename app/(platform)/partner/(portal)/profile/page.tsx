import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PartnerLogoForm, PartnerProfileForm } from '@/components/partners/partner-forms';
import { Card } from '@/components/ui/card';
import { db } from '@/lib/db/client';
import { assetUrl } from '@/lib/marketplace/app-views';
import { getPartnerProfile } from '@/lib/partners/partners';
import { requirePartner } from '@/lib/partners/partner-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('profile') };
}
export const dynamic = 'force-dynamic';

export default async function PartnerProfilePage() {
  const actor = await requirePartner();
  const profile = await getPartnerProfile(actor);
  const hasSandbox = (await db.tenant.count({ where: { sandboxOfPartnerId: actor.partnerId } })) > 0;
  const t = await getTranslations('partner.profile');
  const none = t('none');
  return (
    <div className="flex flex-col gap-6">
      <Card title={t('logoTitle')} description={hasSandbox ? t('logoDescription') : t('logoLater')}>
        <PartnerLogoForm name={profile.name} logoUrl={profile.logoAssetId ? assetUrl(profile.logoAssetId) : null} canUpload={actor.role === 'owner' && hasSandbox} />
      </Card>
      <Card title={t('title')} description={t('description')}>
        {actor.role === 'owner' ? (
          <PartnerProfileForm initial={profile} />
        ) : (
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-600">{t('companyName')}</dt>
            <dd>{profile.name}</dd>
            <dt className="text-slate-600">{t('website')}</dt>
            <dd className="break-all" dir={profile.website ? 'ltr' : undefined}>
              {profile.website ?? none}
            </dd>
            <dt className="text-slate-600">{t('supportEmail')}</dt>
            <dd className="break-all" dir={profile.supportEmail ? 'ltr' : undefined}>
              {profile.supportEmail ?? none}
            </dd>
            <dt className="text-slate-600">{t('privacyPolicy')}</dt>
            <dd className="break-all" dir={profile.privacyPolicyUrl ? 'ltr' : undefined}>
              {profile.privacyPolicyUrl ?? none}
            </dd>
          </dl>
        )}
      </Card>
    </div>
  );
}
