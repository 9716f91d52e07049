'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/**
 * "Continue with SSO": a plain form post to /api/sso/start, which answers with the way to the
 * workspace's identity provider for this email (or back here if none covers it).
 */
export function SsoButton({ email, callbackUrl }: { email: string; callbackUrl: string }) {
  const t = useTranslations('signin.sso');
  return (
    <form method="post" action="/api/sso/start" aria-label={t('label')}>
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Button type="submit" variant="secondary" className="w-full">
        {t('continue')}
      </Button>
    </form>
  );
}
