'use client';

import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/button';

export function SignOutButton({ callbackUrl = '/signin', label = 'Sign out', className }: { callbackUrl?: string; label?: string; className?: string }) {
  return (
    <Button variant="ghost" type="button" className={className} onClick={() => signOut({ callbackUrl })}>
      {label}
    </Button>
  );
}
