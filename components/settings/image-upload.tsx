'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { api } from '@/lib/http/api-client';
import { ImageCropDialog, type CropSource } from './image-crop-dialog';

// Raster images a canvas can crop without losing anything (a GIF may be animated; SVG and ICO
// are uploaded as they are).
const CROPPABLE = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** The chosen file's pixel size, or null when the browser cannot decode it (the server then judges it). */
async function decode(file: File): Promise<CropSource | null> {
  if (!CROPPABLE.has(file.type)) return null;
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return { file, url, width: image.naturalWidth, height: image.naturalHeight };
  } catch {
    URL.revokeObjectURL(url);
    return null;
  }
}

/**
 * Uploads on choosing a file, after an optional crop (a favicon that is not square is
 * cropped square; a logo may be cropped); the server checks its real type and pixel size.
 */
export function ImageUpload({ kind, label, currentUrl, hint }: { kind: 'logo' | 'favicon'; label: string; currentUrl: string | null; hint: string }) {
  const t = useTranslations('branding.image');
  const router = useRouter();
  const inputId = useId();
  const [url, setUrl] = useState(currentUrl);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [cropping, setCropping] = useState<CropSource | null>(null);

  async function choose(file: File | undefined) {
    if (!file) return;
    setError(null);
    const source = await decode(file);
    if (source && !(kind === 'favicon' && source.width === source.height)) setCropping(source);
    else {
      if (source) URL.revokeObjectURL(source.url);
      await upload(file);
    }
  }

  function endCrop() {
    if (cropping) URL.revokeObjectURL(cropping.url);
    setCropping(null);
  }

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
        {url ? <img src={url} alt={t('current', { kind })} className="max-h-16 max-w-full" /> : <span className="text-sm text-slate-500">{t('none')}</span>}
      </div>
      <input
        id={inputId}
        type="file"
        accept={kind === 'logo' ? 'image/png,image/jpeg,image/gif,image/webp,image/svg+xml' : 'image/png,image/x-icon,image/gif,image/svg+xml,.ico'}
        disabled={busy}
        aria-describedby={`${inputId}-hint`}
        onChange={(e) => {
          void choose(e.target.files?.[0]);
          // The same file may be chosen again (after a cancelled crop).
          e.target.value = '';
        }}
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
      {cropping ? (
        <ImageCropDialog
          kind={kind}
          source={cropping}
          onCancel={endCrop}
          onUpload={(file) => {
            endCrop();
            void upload(file);
          }}
        />
      ) : null}
      {url ? (
        <div>
          <Button type="button" variant="ghost" onClick={() => void remove()} disabled={busy}>
            {t('remove', { kind })}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
