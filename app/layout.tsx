import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getLocale } from 'next-intl/server';
import { ClientMessages, SHARED_NAMESPACES } from '@/lib/i18n/client-messages';
import type { ReactNode } from 'react';
import { SkipLink } from '@/components/shell/skip-link';
import { directionOf, type Language } from '@/lib/i18n/languages';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Waypoint', template: '%s · Waypoint' },
  description: 'Goals and habits for teams, under your own brand.',
  icons: [{ url: '/waypoint-icon.svg', type: 'image/svg+xml' }],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry the nonce of that response's
  // Content-Security-Policy (proxy.ts), which a page prerendered at build time could not.
  await connection();
  // The page's language (lib/i18n/request.ts): lang for screen readers and hyphenation, dir
  // for Arabic, which pages follow through logical utilities (ms-, pe-, start-, text-end).
  const language = (await getLocale()) as Language;
  return (
    <html lang={language} dir={directionOf(language)}>
      <body className="min-h-screen font-sans">
        <ClientMessages only={SHARED_NAMESPACES}>
          <SkipLink />
          <Providers>{children}</Providers>
        </ClientMessages>
      </body>
    </html>
  );
}
