import { describe, expect, it } from 'vitest';
import { sniffImageType, validateImage } from '../../lib/branding/image-upload.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const SVG = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>');

function status(fn: () => unknown): number {
  try {
    fn();
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe('brand image uploads', () => {
  it('recognizes images by their bytes, not their name', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(SVG)).toBe('image/svg+xml');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffImageType(Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('refuses the wrong type (415), too large (413) and empty (400) files', () => {
    expect(validateImage('logo', PNG)).toBe('image/png');
    expect(status(() => validateImage('logo', Buffer.from('GIF89a')))).toBe(200);
    expect(status(() => validateImage('logo', Buffer.from('not an image')))).toBe(415);
    expect(status(() => validateImage('logo', Buffer.from([0, 0, 1, 0])))).toBe(415); // ico is for favicons
    expect(status(() => validateImage('favicon', Buffer.from([0, 0, 1, 0])))).toBe(200);
    expect(status(() => validateImage('favicon', Buffer.concat([PNG, Buffer.alloc(200 * 1024)])))).toBe(413);
    expect(status(() => validateImage('logo', Buffer.alloc(0)))).toBe(400);
  });
});
