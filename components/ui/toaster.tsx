'use client';

import { Toaster as Sonner } from 'sonner';

export { toast } from 'sonner';

/** Where toasts appear (bottom centre on a phone, bottom right on a desktop); announced politely. */
export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton toastOptions={{ className: 'text-sm' }} />;
}
