// WCAG 2 contrast maths for brand colours. Pure functions, shared by the server (the tenant's
// CSS variables) and the branding editor (its live warning), so both agree on every figure.

export type Rgb = [number, number, number];

/** WCAG's minimum for normal-size text (1.4.3) and for UI parts such as a focus ring (1.4.11). */
export const TEXT_CONTRAST = 4.5;
export const UI_CONTRAST = 3;

const WHITE: Rgb = [255, 255, 255];
/** slate-50, the page background cards sit on (app/globals.css). */
const PAGE: Rgb = [248, 250, 252];
export const DARK_TEXT = '#0f172a'; // slate-900, the app's body text
export const LIGHT_TEXT = '#ffffff';

/** #rgb or #rrggbb to 0–255 channels; null when it is not a hex colour. */
export function parseHex(hex: string): Rgb | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const digits = match[1]!.length === 3 ? [...match[1]!].map((c) => c + c).join('') : match[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

function rgb(color: string | Rgb): Rgb {
  if (typeof color !== 'string') return color;
  const parsed = parseHex(color);
  if (!parsed) throw new Error(`Not a hex colour: ${color}`);
  return parsed;
}

/** Relative luminance (WCAG 2.x definition, sRGB; 0.04045 is the sRGB standard's threshold). */
export function relativeLuminance(color: string | Rgb): number {
  const [r, g, b] = rgb(color).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** (L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 (same) to 21 (black on white). */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The colour at `alpha` over a background, as the browser composites it (in sRGB): what
 * Tailwind's `bg-brand/10` looks like on a white card (or on the slate-50 page).
 */
export function tintOver(color: string | Rgb, alpha = 0.1, background: string | Rgb = WHITE): Rgb {
  const c = rgb(color);
  const base = rgb(background);
  return c.map((channel, i) => alpha * channel + (1 - alpha) * base[i]!) as Rgb;
}

export function tintOverWhite(color: string | Rgb, alpha = 0.1): Rgb {
  return tintOver(color, alpha, WHITE);
}

/** Text colour for a background: the app's dark text or white, whichever contrasts more (pure black if neither reaches 4.5:1). */
export function readableForeground(background: string): string {
  const dark = contrastRatio(background, DARK_TEXT);
  const light = contrastRatio(background, LIGHT_TEXT);
  if (Math.max(dark, light) >= TEXT_CONTRAST) return dark >= light ? DARK_TEXT : LIGHT_TEXT;
  // Only mid-tones land here; black reaches 4.5:1 on anything white does not.
  return contrastRatio(background, '#000000') >= light ? '#000000' : LIGHT_TEXT;
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [h / 6, s, l];
}

function fromHsl([h, s, l]: [number, number, number]): Rgb {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const hue = (t: number) => {
    const x = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (x < 1 / 6) return p + (q - p) * 6 * x;
    if (x < 1 / 2) return q;
    if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
    return p;
  };
  return [hue(h + 1 / 3) * 255, hue(h) * 255, hue(h - 1 / 3) * 255];
}

/**
 * Where brand-coloured text sits: white cards, the slate-50 page, and the brand's own 10 %
 * tint (badges, the current tab) over either.
 */
export function brandTextBackgrounds(brand: string): Rgb[] {
  return [WHITE, PAGE, tintOver(brand, 0.1, WHITE), tintOver(brand, 0.1, PAGE)];
}

/** The lowest contrast of `text` on any of the backgrounds brand-coloured text appears on. */
export function brandTextContrast(text: string, brand: string = text): number {
  return Math.min(...brandTextBackgrounds(brand).map((background) => contrastRatio(text, background)));
}

/**
 * The brand colour for text on light backgrounds: the colour itself when it reads at ≥ 4.5:1
 * on all of brandTextBackgrounds, otherwise the same hue and saturation darkened (HSL
 * lightness, one step at a time) until it does. The backgrounds are light, so darkening is the
 * only direction that helps; black is the limit and always passes.
 */
export function brandTextColor(brand: string): string {
  const original = rgb(brand);
  if (brandTextContrast(toHex(original), brand) >= TEXT_CONTRAST) return toHex(original);
  const [h, s, l] = toHsl(original);
  for (let lightness = l; lightness > 0; lightness -= 0.005) {
    const candidate = toHex(fromHsl([h, s, lightness]));
    if (brandTextContrast(candidate, brand) >= TEXT_CONTRAST) return candidate;
  }
  return '#000000';
}

/** Within 20° of red and saturated: a ring in it would read as the red border of a field in error. */
export function looksLikeErrorRed(color: string): boolean {
  const [h, s] = toHsl(rgb(color));
  const degrees = h * 360;
  return s >= 0.5 && (degrees <= 20 || degrees >= 340);
}

/** The focus ring: the brand colour when it stands out from white (3:1) and is not an error red, else dark. */
export function focusRingColor(brand: string): string {
  return contrastRatio(brand, WHITE) >= UI_CONTRAST && !looksLikeErrorRed(brand) ? toHex(rgb(brand)) : DARK_TEXT;
}

/** Contrast figures rounded down to two decimals, as people read them ("3.84:1"); never rounds a failure up to a pass. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/** Contrast figures rounded down to two decimals, as numbers (for a formatter in the page's language). */
function ratioValue(ratio: number): number {
  return Math.floor(ratio * 100) / 100;
}

export interface ContrastNote {
  color: 'primaryColor' | 'secondaryColor' | 'accentColor';
  level: 'warning' | 'info';
  /** In English; `kind` and `values` are the same note for a catalog (branding.contrast.<kind>). */
  message: string;
  kind: 'textAdjusted' | 'focusRingLowContrast' | 'focusRingErrorRed' | 'buttons' | 'header' | 'badges';
  values: Record<string, string | number>;
}

/**
 * What the branding editor tells an admin about their colours: which would be adjusted for
 * readable text, and which have low contrast, each with the computed ratio. Invalid hex
 * values get no note (the field's own error covers them).
 */
export function contrastNotes(colors: { primaryColor: string; secondaryColor: string; accentColor: string }): ContrastNote[] {
  const notes: ContrastNote[] = [];
  const { primaryColor: primary, secondaryColor: secondary, accentColor: accent } = colors;
  if (parseHex(primary)) {
    const asText = brandTextContrast(primary);
    if (asText < TEXT_CONTRAST) {
      const adjusted = brandTextColor(primary);
      notes.push({
        color: 'primaryColor',
        level: 'warning',
        kind: 'textAdjusted',
        values: { color: primary, ratio: ratioValue(asText), adjusted, adjustedRatio: ratioValue(brandTextContrast(adjusted, primary)) },
        message: `As text, ${primary} reads at only ${formatRatio(asText)} on light and tinted backgrounds (4.5:1 is needed). Links and brand-coloured text will use the darker ${adjusted} (${formatRatio(brandTextContrast(adjusted, primary))}) instead.`,
      });
    }
    if (contrastRatio(primary, WHITE) < UI_CONTRAST) {
      notes.push({
        color: 'primaryColor',
        level: 'warning',
        kind: 'focusRingLowContrast',
        values: { color: primary, ratio: ratioValue(contrastRatio(primary, WHITE)) },
        message: `${primary} stands out from white at only ${formatRatio(contrastRatio(primary, WHITE))} (3:1 is needed for buttons and outlines): the focus ring will be dark instead.`,
      });
    } else if (looksLikeErrorRed(primary)) {
      notes.push({
        color: 'primaryColor',
        level: 'info',
        kind: 'focusRingErrorRed',
        values: { color: primary },
        message: `${primary} is close to the red that marks fields in error, so the focus ring will be dark instead.`,
      });
    }
    const fg = readableForeground(primary);
    notes.push({ color: 'primaryColor', level: 'info', kind: 'buttons', values: { tone: fg === LIGHT_TEXT ? 'white' : 'dark', color: primary, ratio: ratioValue(contrastRatio(primary, fg)) }, message: `Buttons: ${fg === LIGHT_TEXT ? 'white' : 'dark'} text on ${primary}, ${formatRatio(contrastRatio(primary, fg))}.` });
  }
  if (parseHex(secondary)) {
    const fg = readableForeground(secondary);
    notes.push({ color: 'secondaryColor', level: 'info', kind: 'header', values: { tone: fg === LIGHT_TEXT ? 'white' : 'dark', color: secondary, ratio: ratioValue(contrastRatio(secondary, fg)) }, message: `Header: ${fg === LIGHT_TEXT ? 'white' : 'dark'} text on ${secondary}, ${formatRatio(contrastRatio(secondary, fg))}.` });
  }
  if (parseHex(accent)) {
    const fg = readableForeground(accent);
    notes.push({ color: 'accentColor', level: 'info', kind: 'badges', values: { tone: fg === LIGHT_TEXT ? 'white' : 'dark', color: accent, ratio: ratioValue(contrastRatio(accent, fg)) }, message: `Badges: ${fg === LIGHT_TEXT ? 'white' : 'dark'} text on ${accent}, ${formatRatio(contrastRatio(accent, fg))}.` });
  }
  return notes;
}
