'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog (the statement page has print styles). */
export function PrintButton() {
  const t = useTranslations('payouts.statement');
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      {t('print')}
    </Button>
  );
}
