import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/format/format-context';
import type { TeamSummary } from '@/lib/teams/team-schema';

const badge = 'rounded-full px-2 py-0.5 text-xs font-medium';

/** Member count, the viewer's role, and how the team is joined. */
export function TeamBadges({ team, className = '' }: { team: TeamSummary; className?: string }) {
  const t = useTranslations('teams.badges');
  const fmt = useFormat();
  return (
    <p className={`flex flex-wrap gap-2 ${className}`}>
      <span className={`${badge} bg-slate-100 text-slate-700`}>
        {t('members', { count: team.memberCount, n: fmt.number(team.memberCount) })}
      </span>
      {team.myRole ? <span className={`${badge} bg-brand/10 text-brand-text`}>{team.myRole === 'lead' ? t('youLead') : t('youAreMember')}</span> : null}
      {team.visibility === 'private' ? <span className={`${badge} bg-amber-100 text-amber-900`}>{t('private')}</span> : null}
      {team.visibility === 'public' && team.joinApprovalRequired ? <span className={`${badge} bg-slate-100 text-slate-700`}>{t('approvalRequired')}</span> : null}
      {team.memberCanInvite ? <span className={`${badge} bg-slate-100 text-slate-700`}>{t('membersCanAdd')}</span> : null}
    </p>
  );
}
