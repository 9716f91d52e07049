'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog (the statement page has print styles). */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      Print
    </Button>
  );
}
