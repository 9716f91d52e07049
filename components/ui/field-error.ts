'use client';

import { useState } from 'react';

/**
 * A field's error as the person sees it: shown until they edit the field (the error was about
 * the old value), and shown again when a new submit brings an error back.
 */
export function useFieldError(error: string | undefined): { shown: string | undefined; onEdit: () => void } {
  const [dismissed, setDismissed] = useState<string | undefined>(undefined);
  const [last, setLast] = useState(error);
  if (error !== last) {
    // A new answer from the server (or the errors cleared on submit): forget the dismissal.
    setLast(error);
    setDismissed(undefined);
  }
  return { shown: error && error !== dismissed ? error : undefined, onEdit: () => error && setDismissed(error) };
}
