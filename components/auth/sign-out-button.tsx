'use client';

import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/button';

export function SignOutButton({ callbackUrl = '/signin' }: { callbackUrl?: string }) {
  return (
    <Button variant="ghost" type="button" onClick={() => signOut({ callbackUrl })}>
      Sign out
    </Button>
  );
}
