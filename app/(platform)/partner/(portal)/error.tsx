'use client';

import { SectionError } from '@/components/shell/section-error';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <SectionError error={error} retry={retry} homeHref="/partner" homeLabel="Back to the overview" inset />;
}
