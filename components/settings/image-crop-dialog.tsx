'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import Cropper, { type Area } from 'react-easy-crop';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { MAX_BYTES, MIN_SIDE, type ImageKind } from '@/lib/branding/image-limits';

type Shape = 'original' | 'square' | 'wide';
const ASPECTS: Record<Exclude<Shape, 'original'>, number> = { square: 1, wide: 3 };
// Larger than any place draws them, even on 3x screens; keeps uploads under the size limit.
const MAX_OUTPUT_SIDE = { logo: 1024, favicon: 256 } as const;

export interface CropSource {
  file: File;
  url: string;
  width: number;
  height: number;
}

async function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return image;
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/** Draws the chosen area, scaled down to at most MAX_OUTPUT_SIDE, as a PNG (WebP for a logo too heavy as PNG). */
async function cropToFile(source: CropSource, area: Area, kind: ImageKind, failures: { noCanvas: string; failed: string }): Promise<File> {
  const image = await loadImage(source.url);
  const scale = Math.min(1, MAX_OUTPUT_SIDE[kind] / Math.max(area.width, area.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(area.width * scale));
  canvas.height = Math.max(1, Math.round(area.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error(failures.noCanvas);
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, area.x, area.y, area.width, area.height, 0, 0, canvas.width, canvas.height);
  let blob = await toBlob(canvas, 'image/png');
  if (blob && blob.size > MAX_BYTES[kind] && kind === 'logo') blob = await toBlob(canvas, 'image/webp', 0.9);
  if (!blob) throw new Error(failures.failed);
  const name = source.file.name.replace(/\.[^.]+$/, '') + (blob.type === 'image/webp' ? '.webp' : '.png');
  return new File([blob], name, { type: blob.type });
}

/**
 * Crop before upload: a favicon is square (browsers draw it in a square); a logo may be
 * uploaded as is or cropped square or wide. Arrow keys move the crop, the slider zooms.
 */
export function ImageCropDialog({ kind, source, onCancel, onUpload }: { kind: ImageKind; source: CropSource; onCancel: () => void; onUpload: (file: File) => void }) {
  const t = useTranslations('branding.crop');
  const shapes: Shape[] = kind === 'favicon' ? ['square'] : ['original', 'square', 'wide'];
  const [shape, setShape] = useState<Shape>(shapes[0]!);
  const [crop, setCrop] = useState({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  const [area, setArea] = useState<Area | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const min = MIN_SIDE[kind];
  const chosen = shape === 'original' ? { width: source.width, height: source.height } : area;
  const tooSmall = chosen ? Math.min(chosen.width, chosen.height) < min : false;

  async function confirm() {
    setError(null);
    if (shape === 'original') return onUpload(source.file);
    if (!area) return;
    setBusy(true);
    try {
      onUpload(await cropToFile(source, area, kind, { noCanvas: t('noCanvas'), failed: t('failed') }));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? null : onCancel())}>
      <DialogContent title={t('title', { kind })} description={t('description', { kind, width: source.width, height: source.height })}>
        {shapes.length > 1 ? (
          <fieldset className="mb-3 flex flex-wrap gap-2">
            <legend className="sr-only">{t('shape')}</legend>
            {shapes.map((option) => (
              <label key={option} className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm ${shape === option ? 'border-slate-900 bg-slate-900 text-white' : 'border-slate-300 text-slate-700'}`}>
                <input type="radio" name={`${kind}-shape`} value={option} checked={shape === option} onChange={() => setShape(option)} className="sr-only" />
                {t(`shapes.${option}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        {shape === 'original' ? (
          <div className="flex h-64 items-center justify-center rounded-md bg-slate-100 p-4">
            <img src={source.url} alt={t('asChosen')} className="max-h-full max-w-full object-contain" />
          </div>
        ) : (
          <>
            <div className="relative h-64 overflow-hidden rounded-md bg-slate-900" data-testid="crop-area">
              <Cropper
                image={source.url}
                crop={crop}
                zoom={zoom}
                aspect={ASPECTS[shape]}
                onCropChange={setCrop}
                onZoomChange={setZoom}
                onCropComplete={(_, pixels) => setArea(pixels)}
                mediaProps={{ alt: t('toCrop') }}
              />
            </div>
            <p className="mt-2 text-xs text-slate-600">{t('howTo')}</p>
            <label className="mt-3 flex items-center gap-3 text-sm text-slate-700">
              {t('zoom')}
              <input type="range" min={1} max={3} step={0.05} value={zoom} onChange={(e) => setZoom(Number(e.target.value))} className="flex-1" />
            </label>
          </>
        )}
        <p className="mt-2 text-xs text-slate-600" aria-live="polite">
          {chosen ? t('result', { width: Math.round(chosen.width), height: Math.round(chosen.height) }) : null}
          {chosen && tooSmall ? ' ' : null}
          {tooSmall ? <span className="text-red-700">{t('tooSmall', { min })}</span> : null}
        </p>
        {error ? (
          <p role="alert" className="mt-2 text-sm text-red-600">
            {error}
          </p>
        ) : null}
        <DialogFooter>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button type="button" onClick={() => void confirm()} disabled={busy || tooSmall || (shape !== 'original' && !area)}>
            {shape === 'original' ? t('upload') : t('cropAndUpload')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
