'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Mention } from '@/lib/comments/comment-schema';

// A textarea with an @mention autocomplete, following the ARIA pattern for a textbox with a
// list of suggestions: the textarea keeps focus and says which option is active
// (aria-activedescendant, aria-autocomplete="list", aria-controls); ↑/↓ move, Enter or Tab
// picks, Escape closes; a polite status tells screen readers how many members match.

const WORD = /[\p{L}\p{N}_]/u;
const MAX_SUGGESTIONS = 8;

interface ActiveQuery {
  /** Where the "@" is. */
  at: number;
  query: string;
}

/** The "@…" being typed just before the caret, if any. */
export function activeMention(text: string, caret: number): ActiveQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && WORD.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@<>]/.test(query) || query.startsWith(' ')) return null;
  return { at, query };
}

export function matchMembers(members: readonly Mention[], query: string): Mention[] {
  const q = query.toLocaleLowerCase();
  return members.filter((m) => m.name.toLocaleLowerCase().startsWith(q) || m.name.toLocaleLowerCase().split(/\s+/).some((word) => word.startsWith(q))).slice(0, MAX_SUGGESTIONS);
}

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  members: readonly Mention[];
  onPick: (member: Mention) => void;
  maxLength: number;
  hint: string;
  error?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  rows?: number;
}

export function MentionTextarea({ label, value, onChange, members, onPick, maxLength, hint, error, disabled, autoFocus, rows = 4 }: Props) {
  const t = useTranslations('comments.mentions');
  const id = useId();
  const listId = `${id}-mentions`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const query = activeMention(value, caret);
  const suggestions = query ? matchMembers(members, query.query) : [];
  const open = query !== null && query.at !== dismissedAt && suggestions.length > 0 && !disabled;
  const active = open ? Math.min(activeIndex, suggestions.length - 1) : -1;
  const optionId = (index: number) => `${id}-option-${index}`;

  const syncCaret = () => setCaret(ref.current?.selectionStart ?? 0);

  function pick(member: Mention) {
    if (!query) return;
    const inserted = `@${member.name} `;
    const next = value.slice(0, query.at) + inserted + value.slice(caret);
    onChange(next.slice(0, maxLength));
    onPick(member);
    const position = query.at + inserted.length;
    setCaret(position);
    setActiveIndex(0);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(position, position);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((active + step + suggestions.length) % suggestions.length);
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      event.preventDefault();
      pick(suggestions[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(query?.at ?? null);
    }
  }

  const describedBy = [error ? `${id}-error` : `${id}-hint`, `${id}-count`].join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="relative">
        <textarea
          ref={ref}
          id={id}
          rows={rows}
          value={value}
          maxLength={maxLength}
          disabled={disabled}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          className={`w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${error ? 'border-red-500' : 'border-slate-300'}`}
          onChange={(event) => {
            onChange(event.target.value);
            setCaret(event.target.selectionStart ?? event.target.value.length);
            setActiveIndex(0);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(event) => {
            if (!['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(event.key)) syncCaret();
          }}
          onClick={syncCaret}
          onBlur={() => setDismissedAt(query?.at ?? null)}
          onFocus={() => setDismissedAt(null)}
        />
        {open ? (
          <ul id={listId} role="listbox" aria-label={t('listLabel')} className="absolute inset-x-0 top-full z-20 mt-1 max-h-64 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
            {suggestions.map((member, index) => (
              <li
                key={member.userId}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={`cursor-pointer px-3 py-2 text-sm ${index === active ? 'bg-brand text-brand-fg' : 'text-slate-900 hover:bg-slate-100'}`}
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(member);
                }}
              >
                {member.name}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p role="status" className="sr-only">
        {open ? t('status', { count: suggestions.length }) : ''}
      </p>
      <div className="flex flex-wrap justify-between gap-x-4 gap-y-1">
        {error ? (
          <p id={`${id}-error`} className="text-sm text-red-600">
            {error}
          </p>
        ) : (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        )}
        <p id={`${id}-count`} className="text-xs text-slate-500">
          {t('counter', { length: value.length, max: maxLength })}
        </p>
      </div>
    </div>
  );
}
