import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { NewTicketForm } from '@/components/support/new-ticket-form';
import { Card } from '@/components/ui/card';
import { requirePartner } from '@/lib/partners/partner-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('newTicket') };
}
export const dynamic = 'force-dynamic';

export default async function PartnerNewTicketPage() {
  await requirePartner();
  const t = await getTranslations('partner.support');
  return (
    <div className="flex flex-col gap-4">
      <Link href="/partner/support" className="text-sm text-brand-text underline">
        {t('back')}
      </Link>
      <Card title={t('contact')} description={t('contactDescription')}>
        <NewTicketForm endpoint="/api/partner/support/tickets" threadBase="/partner/support" submitLabel={t('send')} />
      </Card>
    </div>
  );
}
