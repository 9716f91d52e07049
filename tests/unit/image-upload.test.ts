import { describe, expect, it } from 'vitest';
import { imageDimensions, sniffImageType, validateImage } from '../../lib/branding/image-upload.ts';

/** The first bytes of a PNG of the given size: signature and IHDR, which is all a size reader needs. */
function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), ihdr, Buffer.alloc(4)]);
}

function gif(width: number, height: number): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt16LE(width, 0);
  size.writeUInt16LE(height, 2);
  return Buffer.concat([Buffer.from('GIF89a'), size, Buffer.alloc(8)]);
}

/** An .ico directory with one entry per size (0 in the byte means 256). */
function ico(...sizes: number[]): Buffer {
  const header = Buffer.from([0, 0, 1, 0, sizes.length, 0]);
  const entries = sizes.map((s, i) => {
    const entry = Buffer.alloc(16);
    entry[0] = s % 256;
    entry[1] = s % 256;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(40, 8);
    entry.writeUInt32LE(6 + 16 * sizes.length + 40 * i, 12);
    return entry;
  });
  return Buffer.concat([header, ...entries, Buffer.alloc(40 * sizes.length)]);
}

const SVG = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>');

function failure(fn: () => unknown): { status: number; code?: string; message?: string } {
  try {
    fn();
    return { status: 200 };
  } catch (error) {
    const { status, code, message } = error as { status: number; code: string; message: string };
    return { status, code, message };
  }
}

describe('brand image uploads', () => {
  it('recognizes images by their bytes, not their name', () => {
    expect(sniffImageType(png(64, 64))).toBe('image/png');
    expect(sniffImageType(SVG)).toBe('image/svg+xml');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffImageType(Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('refuses the wrong type (415), too large (413) and empty (400) files', () => {
    expect(validateImage('logo', png(200, 64))).toBe('image/png');
    expect(failure(() => validateImage('logo', gif(64, 64))).status).toBe(200);
    expect(failure(() => validateImage('logo', Buffer.from('not an image'))).status).toBe(415);
    expect(failure(() => validateImage('logo', ico(64))).status).toBe(415); // ico is for favicons
    expect(failure(() => validateImage('favicon', ico(32))).status).toBe(200);
    expect(failure(() => validateImage('favicon', Buffer.concat([png(32, 32), Buffer.alloc(200 * 1024)]))).status).toBe(413);
    expect(failure(() => validateImage('logo', Buffer.alloc(0))).status).toBe(400);
  });

  it('reads the real dimensions from the bytes (the largest frame of an .ico; none for SVG)', () => {
    expect(imageDimensions(png(300, 80), 'image/png')).toEqual({ width: 300, height: 80 });
    expect(imageDimensions(gif(17, 90), 'image/gif')).toEqual({ width: 17, height: 90 });
    expect(imageDimensions(ico(16, 48, 32), 'image/x-icon')).toEqual({ width: 48, height: 48 });
    expect(imageDimensions(SVG, 'image/svg+xml')).toBeNull();
  });

  it('refuses images too small for their use (422 image_too_small), judged on the short side', () => {
    expect(failure(() => validateImage('logo', png(1, 1)))).toEqual({ status: 422, code: 'image_too_small', message: 'The logo is 1×1 px: it must be at least 64 px on its shorter side to look sharp.' });
    expect(failure(() => validateImage('logo', png(400, 63))).code).toBe('image_too_small');
    expect(failure(() => validateImage('logo', png(64, 64))).status).toBe(200);
    expect(failure(() => validateImage('favicon', png(15, 15))).code).toBe('image_too_small');
    expect(failure(() => validateImage('favicon', png(16, 16))).status).toBe(200);
    expect(failure(() => validateImage('favicon', ico(8))).code).toBe('image_too_small');
    // A vector logo has no pixel size to judge.
    expect(failure(() => validateImage('logo', SVG)).status).toBe(200);
  });

  it('answers 422 image_unreadable for a file whose header is cut short', () => {
    expect(failure(() => validateImage('logo', Buffer.from('89504e470d0a1a0a', 'hex')))).toMatchObject({ status: 422, code: 'image_unreadable' });
    expect(failure(() => validateImage('logo', Buffer.from('GIF89a')))).toMatchObject({ status: 422, code: 'image_unreadable' });
  });
});
