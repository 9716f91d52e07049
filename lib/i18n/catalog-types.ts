import type dashboard from '../../messages/en/dashboard.json';
import type footer from '../../messages/en/footer.json';
import type goalDetail from '../../messages/en/goalDetail.json';
import type goals from '../../messages/en/goals.json';
import type leaderboards from '../../messages/en/leaderboards.json';
import type memberProfile from '../../messages/en/memberProfile.json';
import type nav from '../../messages/en/nav.json';
import type shell from '../../messages/en/shell.json';
import type teamDetail from '../../messages/en/teamDetail.json';
import type teams from '../../messages/en/teams.json';
import type terms from '../../messages/en/terms.json';

// The English catalog's shape, so that `t('key')` with a key no catalog has fails type-checking
// (next-intl's AppConfig). One line per file in messages/en/; a test keeps the two in step.
export interface Catalog {
  dashboard: typeof dashboard;
  footer: typeof footer;
  goalDetail: typeof goalDetail;
  goals: typeof goals;
  leaderboards: typeof leaderboards;
  memberProfile: typeof memberProfile;
  nav: typeof nav;
  shell: typeof shell;
  teamDetail: typeof teamDetail;
  teams: typeof teams;
  terms: typeof terms;
}

declare module 'next-intl' {
  interface AppConfig {
    Messages: Catalog;
  }
}
