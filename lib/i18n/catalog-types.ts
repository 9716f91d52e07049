import type apiKeys from '../../messages/en/apiKeys.json';
import type consent from '../../messages/en/consent.json';
import type developers from '../../messages/en/developers.json';
import type devOutbox from '../../messages/en/devOutbox.json';
import type docs from '../../messages/en/docs.json';
import type footer from '../../messages/en/footer.json';
import type nav from '../../messages/en/nav.json';
import type oauthApps from '../../messages/en/oauthApps.json';
import type shell from '../../messages/en/shell.json';
import type terms from '../../messages/en/terms.json';
import type webhooks from '../../messages/en/webhooks.json';

// The English catalog's shape, so that `t('key')` with a key no catalog has fails type-checking
// (next-intl's AppConfig). One line per file in messages/en/; a test keeps the two in step.
export interface Catalog {
  apiKeys: typeof apiKeys;
  consent: typeof consent;
  developers: typeof developers;
  devOutbox: typeof devOutbox;
  docs: typeof docs;
  footer: typeof footer;
  nav: typeof nav;
  oauthApps: typeof oauthApps;
  shell: typeof shell;
  terms: typeof terms;
  webhooks: typeof webhooks;
}

declare module 'next-intl' {
  interface AppConfig {
    Messages: Catalog;
  }
}
