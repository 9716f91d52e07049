'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useId, useRef, useState } from 'react';
import Cropper, { type Area } from 'react-easy-crop';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toaster';
import { api } from '@/lib/http/api-client';

/** The side of the square the browser uploads: plenty for a header and a list, small on the wire. */
const SIDE = 256;

function initialsOf(name: string | null, email: string): string {
  const source = (name ?? '').trim() || email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts[1]?.[0] ?? '')).toUpperCase() || '?';
}

/** The member's picture, or their initials on the brand colour. */
export function Avatar({ url, name, email, size = 64 }: { url: string | null; name: string | null; email: string; size?: number }) {
  if (url) return <img src={url} alt="" width={size} height={size} className="shrink-0 rounded-full object-cover" style={{ width: size, height: size }} />;
  return (
    <span aria-hidden className="inline-flex shrink-0 items-center justify-center rounded-full bg-brand font-semibold text-brand-fg" style={{ width: size, height: size, fontSize: size / 2.6 }}>
      {initialsOf(name, email)}
    </span>
  );
}

async function croppedSquare(source: string, area: Area, errors: { cannotCrop: string; cropFailed: string }): Promise<Blob> {
  const image = new Image();
  image.src = source;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = SIDE;
  canvas.height = SIDE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error(errors.cannotCrop);
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, area.x, area.y, area.width, area.height, 0, 0, SIDE, SIDE);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(errors.cropFailed);
  return blob;
}

/** Choose a picture, crop it to a square in the browser, upload the square (the server checks it again). */
export function AvatarUpload({ currentUrl, name, email }: { currentUrl: string | null; name: string | null; email: string }) {
  const t = useTranslations('account.avatar');
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState(currentUrl);
  const [source, setSource] = useState<string | null>(null);
  const [crop, setCrop] = useState({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  const [area, setArea] = useState<Area | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onCropComplete = useCallback((_: Area, pixels: Area) => setArea(pixels), []);

  function choose(file: File | undefined) {
    setError(null);
    if (!file) return;
    if (!/^image\/(png|jpeg|webp)$/.test(file.type)) {
      setError(t('wrongType'));
      return;
    }
    setCrop({ x: 0, y: 0 });
    setZoom(1);
    setSource(URL.createObjectURL(file));
  }

  function close() {
    if (source) URL.revokeObjectURL(source);
    setSource(null);
    if (input.current) input.current.value = '';
  }

  async function save() {
    if (!source || !area) return;
    setBusy(true);
    setError(null);
    try {
      const blob = await croppedSquare(source, area, { cannotCrop: t('cannotCrop'), cropFailed: t('cropFailed') });
      const result = await api<{ url: string }>('/api/app/account/avatar', { method: 'POST', body: blob, headers: { 'content-type': 'image/png' } });
      setUrl(result.url);
      close();
      toast.success(t('updated'));
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
      await api('/api/app/account/avatar', { method: 'DELETE' });
      setUrl(null);
      toast.success(t('removed'));
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-wrap items-center gap-4">
      <span data-testid="profile-avatar">
        <Avatar url={url} name={name} email={email} size={72} />
      </span>
      <div className="flex flex-col gap-2">
        <div className="flex flex-wrap gap-2">
          <label htmlFor={inputId} className="inline-flex h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-900 shadow-sm hover:bg-slate-50 focus-within:ring-2 focus-within:ring-brand">
            {url ? t('change') : t('upload')}
            <input ref={input} id={inputId} type="file" accept="image/png,image/jpeg,image/webp" className="sr-only" disabled={busy} onChange={(e) => choose(e.target.files?.[0])} />
          </label>
          {url ? (
            <Button type="button" variant="ghost" onClick={() => void remove()} disabled={busy}>
              {t('remove')}
            </Button>
          ) : null}
        </div>
        <p className="text-xs text-slate-500">{t('hint')}</p>
        {error && !source ? (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
      </div>
      <Dialog open={source !== null} onOpenChange={(open) => (open ? null : close())}>
        <DialogContent title={t('cropTitle')} description={t('cropDescription')}>
          <div className="relative h-72 w-full overflow-hidden rounded-md bg-slate-900">
            {source ? <Cropper image={source} crop={crop} zoom={zoom} aspect={1} cropShape="round" showGrid={false} onCropChange={setCrop} onZoomChange={setZoom} onCropComplete={onCropComplete} /> : null}
          </div>
          <label className="mt-4 flex items-center gap-3 text-sm text-slate-700">
            {t('zoom')}
            <input type="range" min={1} max={3} step={0.05} value={zoom} onChange={(e) => setZoom(Number(e.target.value))} className="flex-1 accent-[var(--brand-primary)]" />
          </label>
          {error ? (
            <p role="alert" className="mt-2 text-sm text-red-600">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={close} disabled={busy}>
              {t('cancel')}
            </Button>
            <Button type="button" onClick={() => void save()} disabled={busy || !area}>
              {busy ? t('saving') : t('save')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
