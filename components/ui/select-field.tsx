'use client';

import { useId, type SelectHTMLAttributes } from 'react';
import { useFieldError } from './field-error';

interface Props extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  error?: string;
  options: { value: string; label: string }[];
}

/** A labelled select; its error goes away as soon as another option is chosen. */
export function SelectField({ label, error, options, id, className = '', onChange, ...props }: Props) {
  const generated = useId();
  const { shown, onEdit } = useFieldError(error);
  const selectId = id ?? generated;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${selectId}-error` : undefined}
        className={`rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${shown ? 'border-red-500' : 'border-slate-300'}`}
        onChange={(event) => {
          onEdit();
          onChange?.(event);
        }}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {shown ? (
        <p id={`${selectId}-error`} className="text-sm text-red-600">
          {shown}
        </p>
      ) : null}
    </div>
  );
}
