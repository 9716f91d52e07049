import type billing from '../../messages/en/billing.json';
import type footer from '../../messages/en/footer.json';
import type nav from '../../messages/en/nav.json';
import type partner from '../../messages/en/partner.json';
import type partnerAgreement from '../../messages/en/partnerAgreement.json';
import type partnerApps from '../../messages/en/partnerApps.json';
import type payouts from '../../messages/en/payouts.json';
import type reseller from '../../messages/en/reseller.json';
import type resellerClients from '../../messages/en/resellerClients.json';
import type shell from '../../messages/en/shell.json';
import type terms from '../../messages/en/terms.json';

// The English catalog's shape, so that `t('key')` with a key no catalog has fails type-checking
// (next-intl's AppConfig). One line per file in messages/en/; a test keeps the two in step.
export interface Catalog {
  billing: typeof billing;
  footer: typeof footer;
  nav: typeof nav;
  partner: typeof partner;
  partnerAgreement: typeof partnerAgreement;
  partnerApps: typeof partnerApps;
  payouts: typeof payouts;
  reseller: typeof reseller;
  resellerClients: typeof resellerClients;
  shell: typeof shell;
  terms: typeof terms;
}

declare module 'next-intl' {
  interface AppConfig {
    Messages: Catalog;
  }
}
