'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';

const MAX_FILES = 3;
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.txt,.log';

/** Up to three files for a message; the server checks each one's bytes, size and type. */
export function AttachmentInput({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const t = useTranslations('support.attachments');
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t.rich('label', { optional: (chunks) => <span className="font-normal text-slate-600">{chunks}</span> })}
      </label>
      <input
        id={id}
        type="file"
        name="attachments"
        multiple
        accept={ACCEPT}
        aria-describedby={`${id}-hint`}
        className="max-w-full text-sm text-slate-700 file:me-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        onChange={(event) => onChange(Array.from(event.target.files ?? []).slice(0, MAX_FILES))}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t('hint', { max: MAX_FILES })}
        {files.length ? t('selected', { names: files.map((f) => f.name).join(t('listSeparator')) }) : null}
      </p>
    </div>
  );
}
