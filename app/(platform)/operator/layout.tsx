import type { ReactNode } from 'react';
import { FormatProvider } from '@/lib/format/format-context';
import { getPlatformFormatSettings } from '@/lib/platform/platform-format';

// The console's dates and numbers in the reader's language, UTC days (lib/platform/platform-format.ts):
// client components under it (charts, FormattedDate) format as its server components do.
export default async function OperatorLayout({ children }: { children: ReactNode }) {
  return <FormatProvider settings={await getPlatformFormatSettings()}>{children}</FormatProvider>;
}
