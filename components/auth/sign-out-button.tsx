'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export function SignOutButton({ callbackUrl = '/signin', label, className }: { callbackUrl?: string; label?: string; className?: string }) {
  const t = useTranslations('signin');
  return (
    <Button variant="ghost" type="button" className={className} onClick={() => signOut({ callbackUrl })}>
      {label ?? t('signOut')}
    </Button>
  );
}
