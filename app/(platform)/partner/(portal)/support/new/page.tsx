import type { Metadata } from 'next';
import Link from 'next/link';
import { NewTicketForm } from '@/components/support/new-ticket-form';
import { Card } from '@/components/ui/card';
import { requirePartner } from '@/lib/partners/partner-session';

export const metadata: Metadata = { title: 'Contact Waypoint support · Partner' };
export const dynamic = 'force-dynamic';

export default async function PartnerNewTicketPage() {
  await requirePartner();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/partner/support" className="text-sm text-brand-text underline">
        ← Support
      </Link>
      <Card title="Contact Waypoint support" description="Questions about reviews, payouts, the API or your account. The Waypoint team answers by your partner tier's targets and emails you when they do.">
        <NewTicketForm endpoint="/api/partner/support/tickets" threadBase="/partner/support" submitLabel="Send to Waypoint" />
      </Card>
    </div>
  );
}
