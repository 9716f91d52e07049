'use client';

import { useSyncExternalStore } from 'react';

// The API key a reader pastes into "Try it": one value for every operation on the page,
// kept in this tab's sessionStorage (gone when the tab closes) and never sent anywhere but
// the API request's own Authorization header.

const STORAGE_KEY = 'waypoint.docs.apiKey';
const listeners = new Set<() => void>();
let current: string | null = null;

function read(): string {
  if (current === null) {
    try {
      current = sessionStorage.getItem(STORAGE_KEY) ?? '';
    } catch {
      current = '';
    }
  }
  return current;
}

function write(value: string): void {
  current = value;
  try {
    if (value) sessionStorage.setItem(STORAGE_KEY, value);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (e.g. disabled): the key still lives in memory for this page.
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionApiKey(): [string, (value: string) => void] {
  return [useSyncExternalStore(subscribe, read, () => ''), write];
}
