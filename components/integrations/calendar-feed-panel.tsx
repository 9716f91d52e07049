import type { Member } from '@/lib/auth/session';
import { feedLinkStatus } from '@/lib/integrations/calendar-feed/feed-links';
import type { TenantContext } from '@/lib/tenancy/tenant-context';
import { CalendarFeedLink } from './calendar-feed-link';

/** The calendar feed's panel on its integration page (mounted by components/integrations/provider-panel.tsx). */
export async function CalendarFeedPanel({ tenant, member }: { tenant: TenantContext; member: Member }) {
  return <CalendarFeedLink initial={await feedLinkStatus(tenant, member)} />;
}
