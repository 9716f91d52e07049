import { CalendarSyncSettings } from '@/components/integrations/calendar-sync-settings';
import { getLocale } from 'next-intl/server';
import type { Member } from '@/lib/auth/session';
import { DEFAULT_LANGUAGE, languageOf } from '@/lib/i18n/languages';
import { serverTextTranslator } from '@/lib/i18n/server-text';
import { calendarPanelData } from '@/lib/integrations/calendar/calendar-panel-data';
import { googleCalendarProvider } from '@/lib/integrations/google-calendar/google-calendar-provider';
import type { TenantContext } from '@/lib/tenancy/tenant-context';

/** Google Calendar's panel on its integration page (mounted by components/integrations/provider-panel.tsx): the member's calendar and goal selection, once connected. */
export async function GoogleCalendarPanel({ tenant, member }: { tenant: TenantContext; member: Member }) {
  const data = await calendarPanelData(tenant, member, 'google-calendar', googleCalendarProvider);
  if (!data) return null;
  // Why the calendars could not be listed is the server's sentence: in the page's language.
  const translate = await serverTextTranslator(languageOf(await getLocale()) ?? DEFAULT_LANGUAGE);
  return <CalendarSyncSettings id="google-calendar" name="Google Calendar" data={{ ...data, calendarsError: data.calendarsError && translate(data.calendarsError) }} />;
}
