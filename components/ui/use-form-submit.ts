'use client';

import { useState } from 'react';
import { ApiError } from '@/lib/http/api-client';

/**
 * The state every API-backed form keeps: per-field errors, a form-level alert, a success
 * status and a pending flag. submit() runs the action and sorts its outcome into them.
 */
export function useFormSubmit({ fieldsAlert = null }: { fieldsAlert?: string | null } = {}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(action: () => Promise<string | void>): Promise<void> {
    setPending(true);
    setErrors({});
    setAlert(null);
    setStatus(null);
    try {
      const message = await action();
      if (message) setStatus(message);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length) {
        setErrors(error.fields);
        setAlert(fieldsAlert);
      } else setAlert((error as Error).message);
    }
    setPending(false);
  }

  /** For fields that do not clear their own error on edit (TextField and SelectField do). */
  function clearError(name: string): void {
    setErrors((current) => {
      if (!(name in current)) return current;
      const rest = { ...current };
      delete rest[name];
      return rest;
    });
  }

  return { errors, alert, status, pending, submit, clearError };
}
