import { getTranslations } from 'next-intl/server';
import type { Member } from '@/lib/auth/session';
import { activeInstallation } from '@/lib/integrations/installations';
import { listTeamsRoutes, teamChoices } from '@/lib/integrations/microsoft-teams/teams-routes';
import { can } from '@/lib/members/permissions';
import type { TenantContext } from '@/lib/tenancy/tenant-context';
import { TeamsChannels } from './teams-channels';

/** Microsoft Teams' panel on its integration page (mounted by components/integrations/provider-panel.tsx once installed). */
export async function TeamsPanel({ tenant, member }: { tenant: TenantContext; member: Member }) {
  const t = await getTranslations('integrations.teams');
  if (!can(member.role, 'integrations.manage')) return <p className="text-sm text-slate-600">{t('membersNote')}</p>;
  if (!(await activeInstallation(tenant.id, 'microsoft-teams'))) return null;
  const [routes, teams] = await Promise.all([listTeamsRoutes(tenant, member), teamChoices(tenant.id)]);
  return <TeamsChannels initial={routes} teams={teams} />;
}
