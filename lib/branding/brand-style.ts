import type { TenantBranding } from '../tenancy/tenant-context.ts';

function luminance(hex: string): number {
  let value = hex.slice(1);
  if (value.length <= 4) value = [...value.slice(0, 3)].map((c) => c + c).join('');
  const channel = (i: number) => {
    const c = parseInt(value.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Black or white, whichever reads better on the given background (WCAG contrast). */
export function readableOn(hex: string): string {
  return luminance(hex) > 0.179 ? '#0f172a' : '#ffffff';
}

/** The tenant's colors as CSS variables. Colors were validated as hex when loaded. */
export function brandCss(branding: TenantBranding): string {
  return `:root{--brand-primary:${branding.primaryColor};--brand-primary-fg:${readableOn(branding.primaryColor)};--brand-secondary:${branding.secondaryColor};--brand-secondary-fg:${readableOn(branding.secondaryColor)};--brand-accent:${branding.accentColor};}`;
}
