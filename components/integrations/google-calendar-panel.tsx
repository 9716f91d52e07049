import { CalendarSyncSettings } from '@/components/integrations/calendar-sync-settings';
import type { Member } from '@/lib/auth/session';
import { term } from '@/lib/branding/terminology';
import { calendarPanelData } from '@/lib/integrations/calendar/calendar-panel-data';
import { googleCalendarProvider } from '@/lib/integrations/google-calendar/google-calendar-provider';
import type { TenantContext } from '@/lib/tenancy/tenant-context';

/** Google Calendar's panel on its integration page (mounted by components/integrations/provider-panel.tsx): the member's calendar and goal selection, once connected. */
export async function GoogleCalendarPanel({ tenant, member }: { tenant: TenantContext; member: Member }) {
  const data = await calendarPanelData(tenant, member, 'google-calendar', googleCalendarProvider);
  if (!data) return null;
  return <CalendarSyncSettings id="google-calendar" name="Google Calendar" data={data} goalWord={term(tenant.branding.terminology, 'goal')} goalsWord={term(tenant.branding.terminology, 'goals')} />;
}
