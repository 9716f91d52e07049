'use client';

import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useFieldError } from '@/components/ui/field-error';

/** A labelled textarea with its error or hint announced with it, like TextField. */
export function TextAreaField({ label, error, hint, id, className = '', onChange, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; hint?: ReactNode }) {
  const generated = useId();
  const inputId = id ?? generated;
  const { shown, onEdit } = useFieldError(error);
  const describedBy = shown ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={inputId}
        rows={4}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy}
        className={`rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${shown ? 'border-red-500' : 'border-slate-300'}`}
        onChange={(event) => {
          onEdit();
          onChange?.(event);
        }}
        {...props}
      />
      {shown ? (
        <p id={`${inputId}-error`} className="text-sm text-red-600">
          {shown}
        </p>
      ) : hint ? (
        <p id={`${inputId}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
