'use client';

import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useFieldError } from './field-error';

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
}

/**
 * A labelled input whose error or hint is announced with it (aria-describedby). The error
 * takes the hint's place while it stands (never both saying the same thing), and goes away
 * as soon as the field is edited.
 */
export function TextField({ label, error, hint, id, className = '', onChange, ...props }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const { shown, onEdit } = useFieldError(error);
  const describedBy = shown ? errorId : hint ? hintId : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={inputId}
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
        <p id={errorId} className="text-sm text-red-600">
          {shown}
        </p>
      ) : hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
