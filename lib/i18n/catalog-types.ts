import type account from '../../messages/en/account.json';
import type activity from '../../messages/en/activity.json';
import type audit from '../../messages/en/audit.json';
import type authPages from '../../messages/en/authPages.json';
import type branding from '../../messages/en/branding.json';
import type comments from '../../messages/en/comments.json';
import type common from '../../messages/en/common.json';
import type dashboard from '../../messages/en/dashboard.json';
import type dataPrivacy from '../../messages/en/dataPrivacy.json';
import type directory from '../../messages/en/directory.json';
import type domains from '../../messages/en/domains.json';
import type email from '../../messages/en/email.json';
import type emailLayout from '../../messages/en/emailLayout.json';
import type footer from '../../messages/en/footer.json';
import type goalDetail from '../../messages/en/goalDetail.json';
import type goals from '../../messages/en/goals.json';
import type habitDetail from '../../messages/en/habitDetail.json';
import type habits from '../../messages/en/habits.json';
import type leaderboards from '../../messages/en/leaderboards.json';
import type memberProfile from '../../messages/en/memberProfile.json';
import type members from '../../messages/en/members.json';
import type nav from '../../messages/en/nav.json';
import type notifications from '../../messages/en/notifications.json';
import type operator from '../../messages/en/operator.json';
import type operatorAnalytics from '../../messages/en/operatorAnalytics.json';
import type operatorApps from '../../messages/en/operatorApps.json';
import type operatorPartners from '../../messages/en/operatorPartners.json';
import type operatorPrivacy from '../../messages/en/operatorPrivacy.json';
import type operatorResellers from '../../messages/en/operatorResellers.json';
import type operatorStaff from '../../messages/en/operatorStaff.json';
import type operatorTenant from '../../messages/en/operatorTenant.json';
import type operatorTenants from '../../messages/en/operatorTenants.json';
import type platform from '../../messages/en/platform.json';
import type publicPages from '../../messages/en/publicPages.json';
import type settings from '../../messages/en/settings.json';
import type settingsGeneral from '../../messages/en/settingsGeneral.json';
import type shell from '../../messages/en/shell.json';
import type signin from '../../messages/en/signin.json';
import type signup from '../../messages/en/signup.json';
import type sso from '../../messages/en/sso.json';
import type support from '../../messages/en/support.json';
import type supportAccess from '../../messages/en/supportAccess.json';
import type teamDetail from '../../messages/en/teamDetail.json';
import type teams from '../../messages/en/teams.json';
import type terms from '../../messages/en/terms.json';

// The English catalog's shape, so that `t('key')` with a key no catalog has fails type-checking
// (next-intl's AppConfig). One line per file in messages/en/; a test keeps the two in step.
export interface Catalog {
  account: typeof account;
  activity: typeof activity;
  audit: typeof audit;
  authPages: typeof authPages;
  branding: typeof branding;
  comments: typeof comments;
  common: typeof common;
  dashboard: typeof dashboard;
  dataPrivacy: typeof dataPrivacy;
  directory: typeof directory;
  domains: typeof domains;
  email: typeof email;
  emailLayout: typeof emailLayout;
  footer: typeof footer;
  goalDetail: typeof goalDetail;
  goals: typeof goals;
  habitDetail: typeof habitDetail;
  habits: typeof habits;
  leaderboards: typeof leaderboards;
  memberProfile: typeof memberProfile;
  members: typeof members;
  nav: typeof nav;
  notifications: typeof notifications;
  operator: typeof operator;
  operatorAnalytics: typeof operatorAnalytics;
  operatorApps: typeof operatorApps;
  operatorPartners: typeof operatorPartners;
  operatorPrivacy: typeof operatorPrivacy;
  operatorResellers: typeof operatorResellers;
  operatorStaff: typeof operatorStaff;
  operatorTenant: typeof operatorTenant;
  operatorTenants: typeof operatorTenants;
  platform: typeof platform;
  publicPages: typeof publicPages;
  settings: typeof settings;
  settingsGeneral: typeof settingsGeneral;
  shell: typeof shell;
  signin: typeof signin;
  signup: typeof signup;
  sso: typeof sso;
  support: typeof support;
  supportAccess: typeof supportAccess;
  teamDetail: typeof teamDetail;
  teams: typeof teams;
  terms: typeof terms;
}

declare module 'next-intl' {
  interface AppConfig {
    Messages: Catalog;
  }
}
