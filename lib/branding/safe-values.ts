// Single branding values (colors, image and link URLs) that are interpolated into pages.

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

export function isHexColor(value: string | null | undefined): value is string {
  return !!value && HEX_COLOR.test(value);
}

/** A color safe to interpolate into CSS, or the fallback. */
export function safeColor(value: string | null | undefined, fallback: string): string {
  return isHexColor(value) ? value : fallback;
}

/** Relative paths, https URLs and inline raster images; anything else is dropped. */
export function safeAssetUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  // Browsers drop tabs and newlines from URLs and read "/\host" like "//host", a
  // protocol-relative URL to another host.
  if (/^\/(?![/\\])/.test(value.replace(/[\t\n\r]/g, ''))) return value;
  if (/^data:image\/(png|gif|jpeg|webp|avif|svg\+xml|x-icon|vnd\.microsoft\.icon)(;base64)?,/i.test(value)) return value;
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}
