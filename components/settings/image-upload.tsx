'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { api } from '@/lib/http/api-client';

/** Uploads on choosing a file; the server checks its real type and size. */
export function ImageUpload({ kind, label, currentUrl, hint }: { kind: 'logo' | 'favicon'; label: string; currentUrl: string | null; hint: string }) {
  const router = useRouter();
  const inputId = useId();
  const [url, setUrl] = useState(currentUrl);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ url: string }>(`/api/app/settings/branding/${kind}`, { method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } });
      setUrl(result.url);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
    setBusy(false);
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/app/settings/branding/${kind}`, { method: 'DELETE' });
      setUrl(null);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-200 p-4">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex h-16 items-center">
        {url ? <img src={url} alt={`Current ${kind}`} className="max-h-16 max-w-full" /> : <span className="text-sm text-slate-500">None</span>}
      </div>
      <input
        id={inputId}
        type="file"
        accept={kind === 'logo' ? 'image/png,image/jpeg,image/gif,image/webp,image/svg+xml' : 'image/png,image/x-icon,image/gif,image/svg+xml,.ico'}
        disabled={busy}
        aria-describedby={`${inputId}-hint`}
        onChange={(e) => void upload(e.target.files?.[0])}
        className="text-sm"
      />
      <p id={`${inputId}-hint`} className="text-xs text-slate-500">
        {hint}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      {url ? (
        <div>
          <Button type="button" variant="ghost" onClick={() => void remove()} disabled={busy}>
            Remove {kind}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
