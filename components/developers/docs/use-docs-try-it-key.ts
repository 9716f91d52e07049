'use client';

import { useEffect, useState } from 'react';

// The temporary key "Try it" sends for a signed-in member (POST /api/app/api-keys/docs-session).
// One key serves every docs page of this tab: it is kept in sessionStorage (gone with the tab),
// for this member only, and replaced when fewer than five minutes are left.

const STORAGE_KEY = 'waypoint.docs.tryItKey';
const MIN_LEFT_MS = 5 * 60 * 1000;

export interface TryItKey {
  secret: string;
  expiresAt: string;
  scopes: string[];
}

/** unavailable: the server refused (its sentence, in the page's language, when it gave one) or could not be reached. */
export type TryItKeyState = { status: 'none' } | { status: 'loading' } | { status: 'ready'; key: TryItKey } | { status: 'unavailable'; reason: 'refused' | 'unreachable'; message: string | null };

interface Stored extends TryItKey {
  userId: string;
}

function readStored(userId: string): TryItKey | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Stored | null;
    if (stored && stored.userId === userId && new Date(stored.expiresAt).getTime() - Date.now() > MIN_LEFT_MS) return stored;
  } catch {
    // Storage refused or garbled: mint a new key.
  }
  return null;
}

function store(userId: string, key: TryItKey): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...key, userId }));
  } catch {
    // Storage refused: the key still serves this page.
  }
}

// One request at a time per tab, so two pages (or React's double effects in development) share it.
let inFlight: Promise<TryItKeyState> | null = null;

function mint(userId: string): Promise<TryItKeyState> {
  inFlight ??= (async (): Promise<TryItKeyState> => {
    try {
      // The page's language, so a refusal's sentence comes back in it (lib/i18n/server-text.ts).
      const language = document.documentElement.lang;
      const response = await fetch('/api/app/api-keys/docs-session', { method: 'POST', cache: 'no-store', headers: language ? { 'accept-language': language } : {} });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) return { status: 'unavailable', reason: 'refused', message: typeof body.detail === 'string' ? body.detail : null };
      const key: TryItKey = { secret: body.secret, expiresAt: body.expiresAt, scopes: body.scopes };
      store(userId, key);
      return { status: 'ready', key };
    } catch {
      return { status: 'unavailable', reason: 'unreachable', message: null };
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

/** null userId: nobody is signed in, so there is no key and Try it takes a pasted one. */
export function useDocsTryItKey(userId: string | null): TryItKeyState {
  const [state, setState] = useState<TryItKeyState>(userId ? { status: 'loading' } : { status: 'none' });

  useEffect(() => {
    if (!userId) return;
    let cancelled = false;
    const stored = readStored(userId);
    (stored ? Promise.resolve<TryItKeyState>({ status: 'ready', key: stored }) : mint(userId)).then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, [userId]);

  return state;
}
