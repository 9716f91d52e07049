import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { InviteResellerUserForm, WhiteLabelForm } from '@/components/resellers/reseller-forms';
import { Card } from '@/components/ui/card';
import { createFormatter } from '@/lib/format/formatter';
import { getWhiteLabelSettings } from '@/lib/resellers/resellers';
import { listResellerUsers } from '@/lib/resellers/reseller-users';
import { requireReseller } from '@/lib/resellers/reseller-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.meta'))('settings') };
}
export const dynamic = 'force-dynamic';

export default async function ResellerSettingsPage() {
  const actor = await requireReseller();
  const [whiteLabel, people, t, locale] = await Promise.all([getWhiteLabelSettings(actor), listResellerUsers(actor), getTranslations('reseller.settings'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const role = (value: string) => (value === 'owner' ? t('roles.owner') : t('roles.member'));
  const muted = (chunks: ReactNode) => <span className="text-slate-500">{chunks}</span>;
  const owner = actor.role === 'owner' && actor.reseller.status === 'approved';
  return (
    <div className="flex flex-col gap-6">
      <Card title={t('whiteLabel')} description={t('whiteLabelDescription')}>
        {owner ? (
          <WhiteLabelForm initial={whiteLabel} />
        ) : (
          <p className="text-sm text-slate-600">
            {whiteLabel.websiteUrl ? t('whiteLabelWithWebsite', { name: whiteLabel.name || actor.reseller.name, website: whiteLabel.websiteUrl }) : whiteLabel.name || actor.reseller.name}
          </p>
        )}
      </Card>
      <Card title={t('people')} description={t('peopleDescription')}>
        <ul className="flex flex-col gap-1 text-sm">
          {people.users.map((user) => (
            <li key={user.userId}>{t.rich('person', { name: user.name ?? user.email, email: user.email, role: role(user.role), muted })}</li>
          ))}
          {people.pending.map((invite) => (
            <li key={invite.email} className="text-slate-600">
              {t.rich('invitedPerson', { email: invite.email, role: role(invite.role), date: fmt.date(invite.expiresAt), muted })}
            </li>
          ))}
        </ul>
        {owner ? (
          <div className="mt-6">
            <InviteResellerUserForm />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
