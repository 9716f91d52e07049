import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Waypoint', template: '%s · Waypoint' },
  description: 'Goals and habits for teams, under your own brand.',
  icons: [{ url: '/waypoint-icon.svg', type: 'image/svg+xml' }],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
