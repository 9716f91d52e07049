import type { Metadata } from 'next';
import { PartnerLogoForm, PartnerProfileForm } from '@/components/partners/partner-forms';
import { Card } from '@/components/ui/card';
import { db } from '@/lib/db/client';
import { assetUrl } from '@/lib/marketplace/app-views';
import { getPartnerProfile } from '@/lib/partners/partners';
import { requirePartner } from '@/lib/partners/partner-session';

export const metadata: Metadata = { title: 'Profile · Partner portal' };
export const dynamic = 'force-dynamic';

export default async function PartnerProfilePage() {
  const actor = await requirePartner();
  const profile = await getPartnerProfile(actor);
  const hasSandbox = (await db.tenant.count({ where: { sandboxOfPartnerId: actor.partnerId } })) > 0;
  return (
    <div className="flex flex-col gap-6">
    <Card title="Logo" description={hasSandbox ? 'Shown with your company on your apps’ listings.' : 'You can add a logo once your application is approved.'}>
      <PartnerLogoForm name={profile.name} logoUrl={profile.logoAssetId ? assetUrl(profile.logoAssetId) : null} canUpload={actor.role === 'owner' && hasSandbox} />
    </Card>
    <Card title="Profile" description="Your company as workspaces see it on your apps' listings. Only owners edit it.">
      {actor.role === 'owner' ? (
        <PartnerProfileForm initial={profile} />
      ) : (
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">Company name</dt>
          <dd>{profile.name}</dd>
          <dt className="text-slate-600">Website</dt>
          <dd className="break-all">{profile.website ?? '—'}</dd>
          <dt className="text-slate-600">Support email</dt>
          <dd className="break-all">{profile.supportEmail ?? '—'}</dd>
          <dt className="text-slate-600">Privacy policy</dt>
          <dd className="break-all">{profile.privacyPolicyUrl ?? '—'}</dd>
        </dl>
      )}
    </Card>
    </div>
  );
}
