import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SkipLink } from '@/components/shell/skip-link';
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
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <SkipLink />
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
