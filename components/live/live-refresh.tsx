'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useLive } from './live-context';
import { invalidationFor } from './live-invalidation';

/**
 * For server-rendered pages (the dashboard): re-renders the page (router.refresh) shortly
 * after a live message that may change what it shows, once per burst.
 */
export function LiveRefresh({ areas, delayMs = 250 }: { areas: string[]; delayMs?: number }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLive((message) => {
    if (!invalidationFor(message).refresh) return;
    if (message.kind === 'event' && !areas.includes(message.type.split('.')[0])) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), delayMs);
  });
  return null;
}
