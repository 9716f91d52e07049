import type { TenantBranding } from '../tenancy/tenant-context.ts';
import { brandTextColor, focusRingColor, readableForeground } from './contrast.ts';

type BrandColors = Pick<TenantBranding, 'primaryColor' | 'secondaryColor' | 'accentColor'>;

/**
 * The CSS variables of a brand. Foregrounds and the text shade are computed, so a tenant's
 * colour choice can never make text unreadable (see lib/branding/contrast.ts).
 */
export function brandVariables({ primaryColor, secondaryColor, accentColor }: BrandColors): Record<string, string> {
  return {
    '--brand-primary': primaryColor,
    '--brand-primary-fg': readableForeground(primaryColor),
    '--brand-secondary': secondaryColor,
    '--brand-secondary-fg': readableForeground(secondaryColor),
    '--brand-accent': accentColor,
    '--brand-accent-fg': readableForeground(accentColor),
    '--brand-text': brandTextColor(primaryColor),
    '--brand-focus': focusRingColor(primaryColor),
  };
}

/** The tenant's colors as CSS variables. Colors were validated as hex when loaded. */
export function brandCss(branding: BrandColors): string {
  const declarations = Object.entries(brandVariables(branding)).map(([name, value]) => `${name}:${value}`);
  return `:root{${declarations.join(';')};}`;
}
