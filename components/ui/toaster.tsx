'use client';

import { useLocale } from 'next-intl';
import { Toaster as Sonner } from 'sonner';
import { directionOf, languageOf } from '@/lib/i18n/languages';

export { toast } from 'sonner';

/**
 * Where toasts appear (bottom centre on a phone, bottom right on a desktop, bottom left in a
 * right-to-left language); announced politely.
 */
export function Toaster() {
  const rtl = directionOf(languageOf(useLocale()) ?? 'en') === 'rtl';
  return <Sonner position={rtl ? 'bottom-left' : 'bottom-right'} dir={rtl ? 'rtl' : 'ltr'} richColors closeButton toastOptions={{ className: 'text-sm' }} />;
}
