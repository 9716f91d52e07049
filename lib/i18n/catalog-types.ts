import type appInstall from '../../messages/en/appInstall.json';
import type footer from '../../messages/en/footer.json';
import type installedApps from '../../messages/en/installedApps.json';
import type integrations from '../../messages/en/integrations.json';
import type marketplace from '../../messages/en/marketplace.json';
import type marketplaceOperator from '../../messages/en/marketplaceOperator.json';
import type marketplacePartner from '../../messages/en/marketplacePartner.json';
import type marketplaceReviews from '../../messages/en/marketplaceReviews.json';
import type nav from '../../messages/en/nav.json';
import type shell from '../../messages/en/shell.json';
import type terms from '../../messages/en/terms.json';

// The English catalog's shape, so that `t('key')` with a key no catalog has fails type-checking
// (next-intl's AppConfig). One line per file in messages/en/; a test keeps the two in step.
export interface Catalog {
  appInstall: typeof appInstall;
  footer: typeof footer;
  installedApps: typeof installedApps;
  integrations: typeof integrations;
  marketplace: typeof marketplace;
  marketplaceOperator: typeof marketplaceOperator;
  marketplacePartner: typeof marketplacePartner;
  marketplaceReviews: typeof marketplaceReviews;
  nav: typeof nav;
  shell: typeof shell;
  terms: typeof terms;
}

declare module 'next-intl' {
  interface AppConfig {
    Messages: Catalog;
  }
}
