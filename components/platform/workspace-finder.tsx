'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { SLUG_PATTERN } from '@/lib/signup/signup-schema';

export function WorkspaceFinder({ rootDomain, scheme }: { rootDomain: string; scheme: string }) {
  const t = useTranslations('publicPages.finder');
  const [slug, setSlug] = useState('');
  const [error, setError] = useState<string>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = slug.trim().toLowerCase().replace(new RegExp(`\\.${rootDomain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), '');
    if (!SLUG_PATTERN.test(value)) {
      setError(t('invalid', { domain: rootDomain }));
      return;
    }
    // Another host (the workspace's), so a full navigation rather than the router.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`${scheme}://${value}.${rootDomain}/signin`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-8 flex flex-col gap-4" aria-label={t('label')}>
      <TextField label={t('address')} name="workspace" value={slug} onChange={(e) => setSlug(e.target.value)} error={error} hint={t('hint', { slug: slug || t('example'), domain: rootDomain })} autoComplete="off" dir="ltr" />
      <Button type="submit">{t('continue')}</Button>
    </form>
  );
}
