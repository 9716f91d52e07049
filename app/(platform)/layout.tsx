import type { ReactNode } from 'react';
import { PlatformHeader } from '@/components/platform/platform-header';

export default function PlatformLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <PlatformHeader />
      <main className="flex-1">{children}</main>
      <footer className="border-t border-slate-200 bg-white py-6 text-center text-xs text-slate-500">Waypoint · goals and habits, under your brand</footer>
    </div>
  );
}
