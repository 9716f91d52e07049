'use client';

import { createContext, useContext, useEffect, useRef } from 'react';
import type { LiveMessage } from '@/lib/realtime/protocol';

// One live stream per tab (LiveProvider in the signed-in workspace shell); components listen to
// it with useLive. Without a provider (signed-out pages, tests of a single component) nothing
// arrives and nothing breaks.

export type LiveListener = (message: LiveMessage) => void;

export interface LiveHub {
  subscribe(listener: LiveListener): () => void;
}

export const LiveContext = createContext<LiveHub>({ subscribe: () => () => undefined });

/** Calls listener with every live message while the component is mounted (latest listener, no resubscribe). */
export function useLive(listener: LiveListener): void {
  const hub = useContext(LiveContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => hub.subscribe((message) => latest.current(message)), [hub]);
}
