'use client';

import { useRouter } from 'next/navigation';
import { AlertTriangle } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { brandVariables } from '@/lib/branding/brand-style';
import { contrastNotes } from '@/lib/branding/contrast';
import { api } from '@/lib/http/api-client';
import { ImageUpload } from './image-upload';

export interface BrandingValues {
  primaryColor: string;
  secondaryColor: string;
  accentColor: string;
  customCss: string;
  terminology: Record<'goal' | 'goals' | 'habit' | 'habits' | 'team' | 'teams' | 'apps', string>;
  emailFromName: string;
  supportEmail: string;
  termsUrl: string;
  privacyUrl: string;
  hidePoweredBy: boolean;
}

const COLORS = [
  { key: 'primaryColor', label: 'Primary color', cssVar: '--brand-primary' },
  { key: 'secondaryColor', label: 'Secondary color', cssVar: '--brand-secondary' },
  { key: 'accentColor', label: 'Accent color', cssVar: '--brand-accent' },
] as const;

const TERMS = [
  ['goal', 'Goal (one)'],
  ['goals', 'Goals (many)'],
  ['habit', 'Habit (one)'],
  ['habits', 'Habits (many)'],
  ['team', 'Team (one)'],
  ['teams', 'Teams (many)'],
  ['apps', 'Apps (the marketplace)'],
] as const;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

const PREVIEWED = Object.keys(brandVariables({ primaryColor: '#000', secondaryColor: '#000', accentColor: '#000' }));

/**
 * Applies colors to the page itself while editing, so the whole app previews live, with the
 * same computed foregrounds and text shade the server will use once saved.
 */
function previewColors(values: BrandingValues) {
  if (!COLORS.every(({ key }) => HEX.test(values[key]))) return;
  const style = document.documentElement.style;
  for (const [name, value] of Object.entries(brandVariables(values))) style.setProperty(name, value);
}

function clearPreview() {
  for (const cssVar of PREVIEWED) document.documentElement.style.removeProperty(cssVar);
}

export function BrandingForm({ initial, logoUrl, faviconUrl, tenantName }: { initial: BrandingValues; logoUrl: string | null; faviconUrl: string | null; tenantName: string }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  // What the server left out of the custom CSS on the last save.
  const [cssRemoved, setCssRemoved] = useState<string[]>([]);
  const { errors, alert, status, pending, submit } = useFormSubmit({ fieldsAlert: 'Some fields need attention.' });

  useEffect(() => {
    previewColors(values);
  }, [values]);
  // Leaving the page without saving drops the preview; the server's colors apply again.
  useEffect(() => () => clearPreview(), []);

  const set = <K extends keyof BrandingValues>(key: K, value: BrandingValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setCssRemoved([]);
    void submit(async () => {
      const saved = await api<{ customCss?: string | null; customCssRemoved?: string[] }>('/api/app/settings/branding', { method: 'PATCH', json: values });
      // The form shows the CSS as stored: cleaned and written out one declaration a line.
      if (saved.customCss !== undefined) set('customCss', saved.customCss ?? '');
      setCssRemoved(saved.customCssRemoved ?? []);
      router.refresh();
      return 'Branding saved.';
    });
  }

  return (
    <div className="flex flex-col gap-8">
      <div className="grid gap-6 md:grid-cols-2">
        <ImageUpload kind="logo" label="Logo" currentUrl={logoUrl} hint="PNG, JPEG, GIF, WebP or SVG, up to 512 KB, at least 64 px on the shorter side. You can crop it before it is uploaded." />
        <ImageUpload kind="favicon" label="Favicon" currentUrl={faviconUrl} hint="PNG, ICO, GIF or SVG, up to 128 KB, at least 16×16 px. A picture that is not square is cropped square first." />
      </div>

      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-8" aria-label="Branding">
        <FormAlert message={alert} />
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 font-semibold text-slate-900">Colors</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            {COLORS.map(({ key, label }) => (
              <div key={key} className="flex items-end gap-2">
                <input
                  type="color"
                  aria-label={`${label} picker`}
                  value={HEX.test(values[key]) && values[key].length === 7 ? values[key] : '#000000'}
                  onChange={(e) => set(key, e.target.value)}
                  className="h-10 w-12 cursor-pointer rounded border border-slate-300"
                />
                <TextField label={label} name={key} value={values[key]} onChange={(e) => set(key, e.target.value)} error={errors[key]} className="flex-1" />
              </div>
            ))}
          </div>
          <div aria-label="Preview" className="overflow-hidden rounded-lg border border-slate-200" data-testid="brand-preview">
            <div className="bg-brand-secondary px-4 py-3 font-semibold text-brand-secondary-fg">{tenantName}</div>
            <div className="flex items-center gap-3 bg-white px-4 py-4">
              <span className="rounded-md bg-brand px-3 py-2 text-sm font-semibold text-brand-fg">Primary button</span>
              <span className="rounded-full bg-brand-accent px-2 py-0.5 text-xs font-semibold text-brand-accent-fg">Accent</span>
              <span className="text-sm text-brand-text underline">A link</span>
              <span className="rounded-full bg-brand/10 px-2 py-0.5 text-xs font-medium text-brand-text">Tinted</span>
            </div>
          </div>
          <ContrastNotes values={values} />
          <p className="text-xs text-slate-500">The whole page previews your colors while you edit. Save to apply them for everyone.</p>
        </fieldset>

        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 font-semibold text-slate-900">Terminology</legend>
          <p className="text-sm text-slate-600">Rename the product&apos;s words everywhere in the app and in emails. Leave blank for the default.</p>
          <div className="grid gap-4 sm:grid-cols-2">
            {TERMS.map(([key, label]) => (
              <TextField
                key={key}
                label={label}
                name={`terminology.${key}`}
                placeholder={key}
                value={values.terminology[key]}
                onChange={(e) => set('terminology', { ...values.terminology, [key]: e.target.value })}
                error={errors[`terminology.${key}`]}
              />
            ))}
          </div>
        </fieldset>

        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 font-semibold text-slate-900">Email and links</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Email sender name" name="emailFromName" value={values.emailFromName} onChange={(e) => set('emailFromName', e.target.value)} error={errors.emailFromName} />
            <TextField label="Support email" name="supportEmail" type="email" value={values.supportEmail} onChange={(e) => set('supportEmail', e.target.value)} error={errors.supportEmail} />
            <TextField label="Terms of service URL" name="termsUrl" value={values.termsUrl} onChange={(e) => set('termsUrl', e.target.value)} error={errors.termsUrl} placeholder="https://" />
            <TextField label="Privacy policy URL" name="privacyUrl" value={values.privacyUrl} onChange={(e) => set('privacyUrl', e.target.value)} error={errors.privacyUrl} placeholder="https://" />
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={values.hidePoweredBy} onChange={(e) => set('hidePoweredBy', e.target.checked)} className="h-4 w-4" />
            Hide &quot;Powered by Waypoint&quot;
          </label>
        </fieldset>

        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 font-semibold text-slate-900">Custom CSS</legend>
          <label htmlFor="customCss" className="text-sm text-slate-600">
            Applied after the theme on every page.
          </label>
          <p id="customCss-hint" className="text-xs text-slate-500">
            url() can point only at images uploaded here (addresses starting with /api/assets/). @import, other URLs, markup and properties a brand
            does not need are removed.
          </p>
          <textarea
            id="customCss"
            name="customCss"
            rows={10}
            value={values.customCss}
            onChange={(e) => set('customCss', e.target.value)}
            aria-invalid={errors.customCss ? true : undefined}
            aria-describedby="customCss-hint"
            className="rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
          />
          {errors.customCss ? <p className="text-sm text-red-600">{errors.customCss}</p> : null}
          {cssRemoved.length ? <CssRemovedNote removed={cssRemoved} /> : null}
        </fieldset>

        <div className="flex items-center gap-4">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save branding'}
          </Button>
          <FormStatus message={status} />
        </div>
      </form>
    </div>
  );
}

/** Live: what the chosen colours do to text contrast, with the computed ratios (lib/branding/contrast.ts). */
function ContrastNotes({ values }: { values: BrandingValues }) {
  const notes = contrastNotes(values);
  const warnings = notes.filter((n) => n.level === 'warning');
  const info = notes.filter((n) => n.level === 'info');
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      {warnings.map((note) => (
        <p key={note.message} className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="contrast-warning">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            <span className="sr-only">Warning: </span>
            {note.message}
          </span>
        </p>
      ))}
      {info.length ? (
        <ul className="text-xs text-slate-600" data-testid="contrast-info">
          {info.map((note) => (
            <li key={note.message}>{note.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CssRemovedNote({ removed }: { removed: string[] }) {
  const shown = removed.slice(0, 5);
  const more = removed.length - shown.length;
  return (
    <p className="text-sm text-amber-800" data-testid="css-removed">
      We removed {removed.length === 1 ? '1 rule that is' : `${removed.length} rules that are`} not allowed:{' '}
      {shown.map((item, i) => (
        <span key={i}>
          {i ? ', ' : null}
          <code className="break-all">{item}</code>
        </span>
      ))}
      {more ? ` and ${more} more` : null}.
    </p>
  );
}
