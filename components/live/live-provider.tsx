'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { LiveMessage } from '@/lib/realtime/protocol';
import { LiveConnection } from './live-connection';
import { LiveContext, type LiveHub, type LiveListener } from './live-context';
import { invalidationFor } from './live-invalidation';

// The tab's one live stream (mounted in the signed-in workspace shell). Every message goes to
// the components listening with useLive, and invalidates the React Query keys of the pages
// that existed before live updates (live-invalidation.ts); after a gap everything shown is
// refetched. data-live-state on <html> says how it is connected (open, polling, connecting).

export function LiveProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const listeners = useRef(new Set<LiveListener>());
  const hub = useMemo<LiveHub>(
    () => ({
      subscribe(listener) {
        listeners.current.add(listener);
        return () => {
          listeners.current.delete(listener);
        };
      },
    }),
    [],
  );

  useEffect(() => {
    const dispatch = (message: LiveMessage) => {
      for (const key of invalidationFor(message).keys) void client.invalidateQueries({ queryKey: key });
      for (const listener of [...listeners.current]) {
        try {
          listener(message);
        } catch (error) {
          console.error('live listener failed', error);
        }
      }
    };
    const connection = new LiveConnection({
      onMessage: dispatch,
      onResume: () => dispatch({ kind: 'reset' }),
      onState: (state) => {
        document.documentElement.dataset.liveState = state;
      },
    });
    connection.start();
    const online = () => connection.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      connection.stop();
      delete document.documentElement.dataset.liveState;
    };
  }, [client]);

  return <LiveContext.Provider value={hub}>{children}</LiveContext.Provider>;
}
