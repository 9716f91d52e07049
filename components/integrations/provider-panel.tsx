import type { Member } from '@/lib/auth/session';
import type { IntegrationId } from '@/lib/integrations/types';
import type { TenantContext } from '@/lib/tenancy/tenant-context';
import { CalendarFeedPanel } from './calendar-feed-panel';
import { GoogleCalendarPanel } from './google-calendar-panel';
import { OutlookCalendarPanel } from './outlook-calendar-panel';
import { SlackPanel } from './slack-panel';
import { TeamsPanel } from './teams-panel';

export interface ProviderPanelProps {
  id: IntegrationId;
  tenant: TenantContext;
  member: Member;
  installationId: string;
  /** The member's (or the workspace's) connection exists. */
  connected: boolean;
  admin: boolean;
}

/**
 * The integration's own settings under its status card (components/integrations/<id>-panel.tsx:
 * Slack's channel mapping, Teams' webhooks, the calendar feed's link), mounted by id.
 */
export function ProviderPanel({ id, tenant, member }: ProviderPanelProps) {
  switch (id) {
    case 'calendar-feed':
      return <CalendarFeedPanel tenant={tenant} member={member} />;
    case 'google-calendar':
      return <GoogleCalendarPanel tenant={tenant} member={member} />;
    case 'outlook-calendar':
      return <OutlookCalendarPanel tenant={tenant} member={member} />;
    case 'slack':
      return <SlackPanel tenant={tenant} member={member} />;
    case 'microsoft-teams':
      return <TeamsPanel tenant={tenant} member={member} />;
    default:
      return null;
  }
}
