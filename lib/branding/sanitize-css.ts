// Tenant custom CSS is rendered inside a <style> element on every branded page, so it must
// not be able to close that element, pull in other stylesheets, or fetch remote resources
// (which would leak visitors' IPs and let a tenant track or restyle beyond its own page).

export const MAX_CUSTOM_CSS_LENGTH = 20_000;

/** Resolves CSS escapes (\69 , \@) so obfuscated keywords are seen for what they are. */
function decodeEscapes(css: string): string {
  return css.replace(/\\([0-9a-fA-F]{1,6})\s?|\\([^\n0-9a-fA-F])/g, (_match, hex: string | undefined, char: string | undefined) => {
    if (hex) {
      const code = parseInt(hex, 16);
      return code === 0 || code > 0x10ffff ? '\uFFFD' : String.fromCodePoint(code);
    }
    return char ?? '';
  });
}

function isSafeUrl(raw: string): boolean {
  const url = raw.trim().replace(/^['"]|['"]$/g, '').trim();
  if (url.startsWith('/') && !url.startsWith('//')) return true; // same-origin path
  if (url.startsWith('#')) return true; // SVG fragment reference
  return /^data:image\/(png|gif|jpeg|webp|avif);base64,[a-z0-9+/=\s]*$/i.test(url);
}

export function sanitizeCss(input: string | null | undefined): string {
  if (!input) return '';
  let css = input.slice(0, MAX_CUSTOM_CSS_LENGTH);
  css = decodeEscapes(css);
  // No markup at all: "<" is what a </style> break-out or an HTML comment needs.
  css = css.replace(/</g, '');
  css = css.replace(/\/\*[\s\S]*?(\*\/|$)/g, '');
  // @import fetches another stylesheet; @namespace/@charset are harmless but also useless here.
  css = css.replace(/@import\b[^;{}]*(;|$)/gi, '');
  css = css.replace(/\burl\(\s*([^)]*)\)/gi, (match, url: string) => (isSafeUrl(url) ? match : 'none'));
  // image-set() and src() take bare strings as URLs; legacy IE/Firefox hooks can run code.
  css = css.replace(/\b(-webkit-)?image-set\s*\(/gi, 'invalid-image-set(');
  css = css.replace(/\bsrc\s*\(/gi, 'invalid-src(');
  css = css.replace(/\bexpression\s*\(/gi, 'invalid-expression(');
  css = css.replace(/(-moz-binding|behavior)\s*:/gi, 'invalid-$1:');
  css = css.replace(/javascript:/gi, '');
  return css.trim();
}

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
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  if (/^data:image\/(png|gif|jpeg|webp|avif|svg\+xml|x-icon|vnd\.microsoft\.icon)(;base64)?,/i.test(value)) return value;
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}
