import type footer from '../../messages/en/footer.json';
import type nav from '../../messages/en/nav.json';
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
import type shell from '../../messages/en/shell.json';
import type terms from '../../messages/en/terms.json';

// The English catalog's shape, so that `t('key')` with a key no catalog has fails type-checking
// (next-intl's AppConfig). One line per file in messages/en/; a test keeps the two in step.
export interface Catalog {
  footer: typeof footer;
  nav: typeof nav;
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
  shell: typeof shell;
  terms: typeof terms;
}

declare module 'next-intl' {
  interface AppConfig {
    Messages: Catalog;
  }
}
