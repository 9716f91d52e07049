import { CalendarSyncSettings } from '@/components/integrations/calendar-sync-settings';
import type { Member } from '@/lib/auth/session';
import { term } from '@/lib/branding/terminology';
import { calendarPanelData } from '@/lib/integrations/calendar/calendar-panel-data';
import { graphCalendarProvider } from '@/lib/integrations/outlook-calendar/graph-calendar';
import type { TenantContext } from '@/lib/tenancy/tenant-context';

/** Outlook Calendar's panel on its integration page (mounted by components/integrations/provider-panel.tsx): the member's calendar and goal selection, once connected. */
export async function OutlookCalendarPanel({ tenant, member }: { tenant: TenantContext; member: Member }) {
  const data = await calendarPanelData(tenant, member, 'outlook-calendar', graphCalendarProvider);
  if (!data) return null;
  return <CalendarSyncSettings id="outlook-calendar" name="Outlook Calendar" data={data} goalWord={term(tenant.branding.terminology, 'goal')} goalsWord={term(tenant.branding.terminology, 'goals')} />;
}
