import { getTranslations } from 'next-intl/server';
import type { Member } from '@/lib/auth/session';
import { tenantDb } from '@/lib/db/tenant-db';
import { connectionFor } from '@/lib/integrations/connections';
import { activeInstallation } from '@/lib/integrations/installations';
import { listSlackRoutes } from '@/lib/integrations/slack/slack-routes';
import { can } from '@/lib/members/permissions';
import type { TenantContext } from '@/lib/tenancy/tenant-context';
import { SlackChannels } from './slack-channels';

/**
 * Slack's panel on its integration page (mounted by components/integrations/provider-panel.tsx):
 * once an admin has connected Slack (the connection card above), the channel mapping.
 */
export async function SlackPanel({ tenant, member }: { tenant: TenantContext; member: Member }) {
  const t = await getTranslations('integrations.slack');
  if (!can(member.role, 'integrations.manage')) return <p className="text-sm text-slate-600">{t('membersNote')}</p>;
  if (!(await activeInstallation(tenant.id, 'slack'))) return null;
  if (!(await connectionFor(tenant.id, 'slack', null))) return <p className="text-sm text-slate-600">{t('connectFirst')}</p>;
  const [routes, teams] = await Promise.all([listSlackRoutes(tenant, member), tenantDb(tenant.id).team.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } })]);
  return <SlackChannels initial={routes} teams={teams} />;
}
