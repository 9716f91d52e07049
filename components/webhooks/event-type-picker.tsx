'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';

export interface EventTypeOption {
  type: string;
  description: string;
}

export interface EventTypeGroup {
  /** e.g. "goal" */
  resource: string;
  /** The group's heading in the reader's language, e.g. "Goal events". */
  title: string;
  types: EventTypeOption[];
}

/** Every event type (including ones added later), or the ones chosen. */
export interface EventSelection {
  all: boolean;
  types: string[];
}

interface Props {
  groups: EventTypeGroup[];
  value: EventSelection;
  onChange: (value: EventSelection) => void;
  error?: string;
}

/** Radio "all or chosen", then the catalog's types as checkboxes grouped by resource, each with its description. */
export function EventTypePicker({ groups, value, onChange, error }: Props) {
  const t = useTranslations('webhooks.picker');
  const id = useId();
  const errorId = `${id}-error`;

  function toggle(type: string, on: boolean) {
    onChange({ all: false, types: on ? [...value.types, type] : value.types.filter((t) => t !== type) });
  }

  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="flex flex-col gap-3">
      <legend className="text-sm font-medium text-slate-800">{t('legend')}</legend>
      <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="radio" name={`${id}-mode`} checked={value.all} onChange={() => onChange({ ...value, all: true })} className="h-4 w-4 accent-brand" />
          {t('all')}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="radio" name={`${id}-mode`} checked={!value.all} onChange={() => onChange({ ...value, all: false })} className="h-4 w-4 accent-brand" />
          {t('chosen')}
        </label>
      </div>
      {value.all ? null : (
        <div className="grid gap-4 md:grid-cols-2">
          {groups.map((group) => (
            <fieldset key={group.resource} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
              <legend className="px-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{group.title}</legend>
              {group.types.map(({ type, description }) => (
                <div key={type} className="flex items-start gap-2">
                  <input
                    id={`${id}-${type}`}
                    type="checkbox"
                    checked={value.types.includes(type)}
                    onChange={(e) => toggle(type, e.target.checked)}
                    aria-describedby={`${id}-${type}-description`}
                    className="mt-1 h-4 w-4 accent-brand"
                  />
                  <div>
                    <label htmlFor={`${id}-${type}`} className="font-mono text-sm font-medium text-slate-900">
                      {type}
                    </label>
                    <p id={`${id}-${type}-description`} className="text-xs text-slate-600">
                      {description}
                    </p>
                  </div>
                </div>
              ))}
            </fieldset>
          ))}
        </div>
      )}
      {error ? (
        <p id={errorId} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
