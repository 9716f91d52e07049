import type account from '../../messages/en/account.json';
import type authPages from '../../messages/en/authPages.json';
import type email from '../../messages/en/email.json';
import type emailLayout from '../../messages/en/emailLayout.json';
import type footer from '../../messages/en/footer.json';
import type nav from '../../messages/en/nav.json';
import type publicPages from '../../messages/en/publicPages.json';
import type shell from '../../messages/en/shell.json';
import type signin from '../../messages/en/signin.json';
import type signup from '../../messages/en/signup.json';
import type terms from '../../messages/en/terms.json';

// The English catalog's shape, so that `t('key')` with a key no catalog has fails type-checking
// (next-intl's AppConfig). One line per file in messages/en/; a test keeps the two in step.
export interface Catalog {
  account: typeof account;
  authPages: typeof authPages;
  email: typeof email;
  emailLayout: typeof emailLayout;
  footer: typeof footer;
  nav: typeof nav;
  publicPages: typeof publicPages;
  shell: typeof shell;
  signin: typeof signin;
  signup: typeof signup;
  terms: typeof terms;
}

declare module 'next-intl' {
  interface AppConfig {
    Messages: Catalog;
  }
}
