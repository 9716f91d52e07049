import { imageSize } from 'image-size';
import { AppError } from '../http/problem.ts';
import { MAX_BYTES, MIN_SIDE, type ImageKind } from './image-limits.ts';

// Brand images arrive as raw request bodies. The declared type is not trusted: the first
// bytes decide what the file is.

export { MAX_BYTES, MIN_SIDE, type ImageKind };

/**
 * Media types an upload may be sent with: the image types, or application/octet-stream when the
 * browser does not know the file's. Never the types a cross-site form can send without asking
 * (text/plain, multipart/form-data, application/x-www-form-urlencoded).
 */
export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml', 'image/x-icon', 'image/vnd.microsoft.icon', 'application/octet-stream'] as const;

const SIGNATURES: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a' },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'image/x-icon', test: (b) => b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0 },
  {
    type: 'image/svg+xml',
    test: (b) => /^(\uFEFF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(b.subarray(0, 2048).toString('utf8')),
  },
];

const ALLOWED: Record<ImageKind, string[]> = {
  logo: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'],
  favicon: ['image/png', 'image/x-icon', 'image/svg+xml', 'image/gif'],
};

export function sniffImageType(bytes: Buffer): string | null {
  return SIGNATURES.find((signature) => signature.test(bytes))?.type ?? null;
}

/**
 * Width and height as read from the file's own header (image-size), the largest frame for
 * an .ico; null for SVG, which scales to any size.
 */
export function imageDimensions(bytes: Buffer, type: string): { width: number; height: number } | null {
  if (type === 'image/svg+xml') return null;
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new AppError(422, 'image_unreadable', 'The image could not be read: the file may be truncated or damaged.');
  }
  const frames = size.images?.length ? size.images : [size];
  const largest = frames.reduce((best, frame) => (Math.min(frame.width, frame.height) > Math.min(best.width, best.height) ? frame : best));
  if (!(largest.width > 0 && largest.height > 0)) throw new AppError(422, 'image_unreadable', 'The image could not be read: it has no width or height.');
  return { width: largest.width, height: largest.height };
}

/** The verified content type of an upload, or a 400/413/415/422 AppError. */
export function validateImage(kind: ImageKind, bytes: Buffer): string {
  if (bytes.length === 0) throw new AppError(400, 'bad_request', 'The file is empty.');
  if (bytes.length > MAX_BYTES[kind]) throw new AppError(413, 'payload_too_large', `The ${kind} must be at most ${MAX_BYTES[kind] / 1024} KB.`);
  const type = sniffImageType(bytes);
  if (!type || !ALLOWED[kind].includes(type)) {
    const names = ALLOWED[kind].map((t) => t.replace('image/', '').replace('+xml', '').replace('x-icon', 'ico').toUpperCase());
    throw new AppError(415, 'unsupported_media_type', `The ${kind} must be a ${names.join(', ')} image.`);
  }
  const size = imageDimensions(bytes, type);
  if (size && Math.min(size.width, size.height) < MIN_SIDE[kind]) {
    throw new AppError(422, 'image_too_small', `The ${kind} is ${size.width}×${size.height} px: it must be at least ${MIN_SIDE[kind]} px on its shorter side to look sharp.`);
  }
  return type;
}
