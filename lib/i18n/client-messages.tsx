import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

// Client components read their words from the messages their provider hands the browser, and
// every page's HTML carries those messages. All of them (seven thousand-odd words in English)
// would weigh some 200 KB on every page, so each area of the app hands over only what its
// client components can use: a provider's messages replace, not extend, its parent's.

/** Read by client components everywhere (the header, menus, dialogs, lists, notifications). */
export const SHARED_NAMESPACES = ['common', 'footer', 'nav', 'notifications', 'shell', 'terms'] as const;

/**
 * The consoles' and the platform's own words, and text only servers render. (operatorTenant
 * is not among them: its support-session banner shows on a workspace's pages.)
 */
export const CONSOLE_NAMESPACES = [
  'devOutbox',
  'docs',
  'email',
  'emailLayout',
  'marketplaceOperator',
  'marketplacePartner',
  'operator',
  'operatorAnalytics',
  'operatorApps',
  'operatorPartners',
  'operatorPrivacy',
  'operatorResellers',
  'operatorStaff',
  'operatorTenants',
  'partner',
  'partnerAgreement',
  'partnerApps',
  'payouts',
  'platform',
  'publicPages',
  'reseller',
  'resellerClients',
  'signup',
] as const;

function pick(messages: AbstractIntlMessages, keep: (namespace: string) => boolean): AbstractIntlMessages {
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => keep(namespace)));
}

/** The messages of some namespaces (`only`), or of all but some (`except`), for the subtree's client components. */
export async function ClientMessages({ only, except, children }: { only?: readonly string[]; except?: readonly string[]; children: ReactNode }) {
  const messages = (await getMessages()) as unknown as AbstractIntlMessages;
  const keep = only ? (namespace: string) => only.includes(namespace) : (namespace: string) => !except?.includes(namespace);
  return <NextIntlClientProvider messages={pick(messages, keep)}>{children}</NextIntlClientProvider>;
}
