import { useTranslations } from 'next-intl';
import type { CSSProperties } from 'react';
import { readableForeground } from '@/lib/branding/contrast';

export interface StoredBrand {
  primaryColor: string | null;
  secondaryColor: string | null;
  accentColor: string | null;
  logoUrl: string | null;
  emailFromName: string | null;
  terminology: Record<string, string>;
  customCss: boolean;
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const DEFAULTS = { primaryColor: '#4f46e5', secondaryColor: '#0f172a', accentColor: '#f59e0b' };

/**
 * Custom branding, read-only, where the plan lacks it: the brand the workspace saved (kept for
 * when the plan includes it again), or what branding looks like when nothing was saved. No
 * inputs, so nothing here can fail on Save; the page's upgrade notice is the one action.
 */
export function BrandingPreview({ tenantName, brand }: { tenantName: string; brand: StoredBrand | null }) {
  const t = useTranslations('branding');
  const color = (key: keyof typeof DEFAULTS) => (brand?.[key] && HEX.test(brand[key]!) ? brand[key]! : DEFAULTS[key]);
  const primary = color('primaryColor');
  const secondary = color('secondaryColor');
  const accent = color('accentColor');
  const terms = Object.entries(brand?.terminology ?? {}).filter(([, value]) => value);
  const changed = (key: keyof typeof DEFAULTS) => brand?.[key] != null && brand[key]!.toLowerCase() !== DEFAULTS[key];
  const saved = brand !== null && (changed('primaryColor') || changed('secondaryColor') || changed('accentColor') || brand.logoUrl !== null || terms.length > 0 || brand.emailFromName !== null || brand.customCss);
  return (
    <section aria-labelledby="branding-preview-heading" data-testid="branding-locked-preview" className="flex flex-col gap-4">
      <div>
        <h2 id="branding-preview-heading" className="font-semibold text-slate-900">
          {saved ? t('locked.savedTitle') : t('locked.previewTitle')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {saved ? t('locked.savedDescription') : t('locked.previewDescription')}
        </p>
      </div>
      <div className="overflow-hidden rounded-lg border border-slate-200" aria-hidden>
        <div className="flex items-center gap-3 px-4 py-3 font-semibold" style={{ background: secondary, color: readableForeground(secondary) } as CSSProperties}>
          {brand?.logoUrl ? <img src={brand.logoUrl} alt="" className="h-6 w-auto max-w-32 object-contain" /> : null}
          <span className="truncate">{tenantName}</span>
        </div>
        <div className="flex flex-wrap items-center gap-3 bg-white px-4 py-4">
          <span className="rounded-md px-3 py-2 text-sm font-semibold" style={{ background: primary, color: readableForeground(primary) }}>
            {t('preview.primaryButton')}
          </span>
          <span className="rounded-full px-2 py-0.5 text-xs font-semibold" style={{ background: accent, color: readableForeground(accent) }}>
            {t('preview.accent')}
          </span>
        </div>
      </div>
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        {[
          [t('colors.primaryColor'), primary],
          [t('colors.secondaryColor'), secondary],
          [t('colors.accentColor'), accent],
        ].map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-600">{label}</dt>
            <dd className="mt-1 flex items-center gap-2 font-mono text-slate-900" dir="ltr">
              <span className="h-5 w-5 shrink-0 rounded border border-slate-300" style={{ background: value }} aria-hidden />
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {saved ? (
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          {brand?.emailFromName ? (
            <div>
              <dt className="text-slate-600">{t('links.emailFromName')}</dt>
              <dd className="text-slate-900">{brand.emailFromName}</dd>
            </div>
          ) : null}
          {terms.length ? (
            <div>
              <dt className="text-slate-600">{t('terminology.legend')}</dt>
              <dd className="text-slate-900">{terms.map(([key, value]) => t('locked.renamed', { from: key, to: value })).join(t('css.listSeparator'))}</dd>
            </div>
          ) : null}
          {brand?.customCss ? (
            <div>
              <dt className="text-slate-600">{t('css.legend')}</dt>
              <dd className="text-slate-900">{t('locked.cssSaved')}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}
