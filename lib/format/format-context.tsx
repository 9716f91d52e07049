'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createFormatter, DEFAULT_FORMAT, type FormatSettings, type Formatter } from './formatter';

const FormatContext = createContext<FormatSettings>(DEFAULT_FORMAT);

/** Set once per layout (the workspace's time zone, the reader's locale). */
export function FormatProvider({ settings, children }: { settings: FormatSettings; children: ReactNode }) {
  return <FormatContext.Provider value={settings}>{children}</FormatContext.Provider>;
}

/** The formatter for client components under a FormatProvider. */
export function useFormat(): Formatter {
  const settings = useContext(FormatContext);
  return useMemo(() => createFormatter(settings), [settings]);
}
