import type audit from '../../messages/en/audit.json';
import type branding from '../../messages/en/branding.json';
import type dataPrivacy from '../../messages/en/dataPrivacy.json';
import type directory from '../../messages/en/directory.json';
import type domains from '../../messages/en/domains.json';
import type footer from '../../messages/en/footer.json';
import type members from '../../messages/en/members.json';
import type nav from '../../messages/en/nav.json';
import type settings from '../../messages/en/settings.json';
import type settingsGeneral from '../../messages/en/settingsGeneral.json';
import type shell from '../../messages/en/shell.json';
import type sso from '../../messages/en/sso.json';
import type support from '../../messages/en/support.json';
import type supportAccess from '../../messages/en/supportAccess.json';
import type terms from '../../messages/en/terms.json';

// The English catalog's shape, so that `t('key')` with a key no catalog has fails type-checking
// (next-intl's AppConfig). One line per file in messages/en/; a test keeps the two in step.
export interface Catalog {
  audit: typeof audit;
  branding: typeof branding;
  dataPrivacy: typeof dataPrivacy;
  directory: typeof directory;
  domains: typeof domains;
  footer: typeof footer;
  members: typeof members;
  nav: typeof nav;
  settings: typeof settings;
  settingsGeneral: typeof settingsGeneral;
  shell: typeof shell;
  sso: typeof sso;
  support: typeof support;
  supportAccess: typeof supportAccess;
  terms: typeof terms;
}

declare module 'next-intl' {
  interface AppConfig {
    Messages: Catalog;
  }
}
