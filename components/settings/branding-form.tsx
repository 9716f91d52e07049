'use client';

import { AlertTriangle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { brandVariables } from '@/lib/branding/brand-style';
import { contrastNotes } from '@/lib/branding/contrast';
import type { TermKey, Terminology } from '@/lib/branding/terminology';
import { LANGUAGES, directionOf, type Language } from '@/lib/i18n/languages';
import { api } from '@/lib/http/api-client';
import { ImageUpload } from './image-upload';

/** The languages a workspace may word its own way besides English (`terminology`). */
export type OtherLanguage = Exclude<Language, 'en'>;

export interface BrandingValues {
  primaryColor: string;
  secondaryColor: string;
  accentColor: string;
  customCss: string;
  /** The English words ('' = the default). */
  terminology: Record<TermKey, string>;
  /** The words in each other language ('' = that language's catalog word). */
  localizedTerminology: Record<OtherLanguage, Record<TermKey, string>>;
  emailFromName: string;
  supportEmail: string;
  termsUrl: string;
  privacyUrl: string;
  hidePoweredBy: boolean;
}

const COLORS = [
  { key: 'primaryColor', cssVar: '--brand-primary' },
  { key: 'secondaryColor', cssVar: '--brand-secondary' },
  { key: 'accentColor', cssVar: '--brand-accent' },
] as const;

// The words a workspace may rename (lib/branding/terminology.ts TERM_KEYS; not imported, to keep its schemas out of the browser).
const TERM_KEYS = ['goal', 'goals', 'habit', 'habits', 'team', 'teams', 'apps'] as const satisfies readonly TermKey[];

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

/**
 * `defaultWords`: each language's catalog words (messages/<language>/terms.json), shown as the
 * placeholders of the words left blank.
 */
export function BrandingForm({
  initial,
  logoUrl,
  faviconUrl,
  tenantName,
  defaultWords,
}: {
  initial: BrandingValues;
  logoUrl: string | null;
  faviconUrl: string | null;
  tenantName: string;
  defaultWords: Record<Language, Terminology>;
}) {
  const t = useTranslations('branding');
  const router = useRouter();
  const [values, setValues] = useState(initial);
  // Whose words the terminology fields show: English, or one of the other languages.
  const [wordsLanguage, setWordsLanguage] = useState<Language>('en');
  // What the server left out of the custom CSS on the last save.
  const [cssRemoved, setCssRemoved] = useState<string[]>([]);
  const { errors, alert, status, pending, submit } = useFormSubmit({ fieldsAlert: t('fieldsAlert') });

  // A refused word in a language not on screen: show that language's words (once per answer).
  const [answered, setAnswered] = useState(errors);
  if (answered !== errors) {
    setAnswered(errors);
    const refused = Object.keys(errors).flatMap((field) => (field.startsWith('terminology.') ? ['en'] : field.startsWith('localizedTerminology.') ? [field.split('.')[1]] : []));
    if (refused.length && !refused.includes(wordsLanguage)) setWordsLanguage(refused[0] as Language);
  }

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
      return t('saved');
    });
  }

  return (
    <div className="flex flex-col gap-8">
      <div className="grid gap-6 md:grid-cols-2">
        <ImageUpload kind="logo" label={t('logo.label')} currentUrl={logoUrl} hint={t('logo.hint')} />
        <ImageUpload kind="favicon" label={t('favicon.label')} currentUrl={faviconUrl} hint={t('favicon.hint')} />
      </div>

      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-8" aria-label={t('formLabel')}>
        <FormAlert message={alert} />
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 font-semibold text-slate-900">{t('colors.legend')}</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            {COLORS.map(({ key }) => (
              <div key={key} className="flex items-end gap-2">
                <input
                  type="color"
                  aria-label={t('colors.picker', { color: t(`colors.${key}`) })}
                  value={HEX.test(values[key]) && values[key].length === 7 ? values[key] : '#000000'}
                  onChange={(e) => set(key, e.target.value)}
                  className="h-10 w-12 cursor-pointer rounded border border-slate-300"
                />
                <TextField label={t(`colors.${key}`)} name={key} value={values[key]} onChange={(e) => set(key, e.target.value)} error={errors[key]} className="flex-1" />
              </div>
            ))}
          </div>
          <div aria-label={t('preview.label')} className="overflow-hidden rounded-lg border border-slate-200" data-testid="brand-preview">
            <div className="bg-brand-secondary px-4 py-3 font-semibold text-brand-secondary-fg">{tenantName}</div>
            <div className="flex items-center gap-3 bg-white px-4 py-4">
              <span className="rounded-md bg-brand px-3 py-2 text-sm font-semibold text-brand-fg">{t('preview.primaryButton')}</span>
              <span className="rounded-full bg-brand-accent px-2 py-0.5 text-xs font-semibold text-brand-accent-fg">{t('preview.accent')}</span>
              <span className="text-sm text-brand-text underline">{t('preview.link')}</span>
              <span className="rounded-full bg-brand/10 px-2 py-0.5 text-xs font-medium text-brand-text">{t('preview.tinted')}</span>
            </div>
          </div>
          <ContrastNotes values={values} />
          <p className="text-xs text-slate-500">{t('colors.livePreview')}</p>
        </fieldset>

        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 font-semibold text-slate-900">{t('terminology.legend')}</legend>
          <p className="text-sm text-slate-600">{t('terminology.intro')}</p>
          <SelectField
            label={t('terminology.language')}
            name="terminologyLanguage"
            value={wordsLanguage}
            onChange={(e) => setWordsLanguage(e.target.value as Language)}
            options={LANGUAGES.map((language) => ({ value: language, label: t(`terminology.languages.${language}`) }))}
            className="max-w-xs"
            data-testid="terminology-language"
          />
          <div className="grid gap-4 sm:grid-cols-2" data-testid={`terminology-${wordsLanguage}`}>
            {TERM_KEYS.map((key) => {
              const name = termField(wordsLanguage, key);
              return (
                <TextField
                  key={name}
                  label={t(`terminology.words.${key}`)}
                  name={name}
                  lang={wordsLanguage}
                  dir={directionOf(wordsLanguage)}
                  placeholder={defaultWords[wordsLanguage][key]}
                  value={wordsLanguage === 'en' ? values.terminology[key] : values.localizedTerminology[wordsLanguage][key]}
                  onChange={(e) =>
                    wordsLanguage === 'en'
                      ? set('terminology', { ...values.terminology, [key]: e.target.value })
                      : set('localizedTerminology', { ...values.localizedTerminology, [wordsLanguage]: { ...values.localizedTerminology[wordsLanguage], [key]: e.target.value } })
                  }
                  error={errors[name]}
                />
              );
            })}
          </div>
        </fieldset>

        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 font-semibold text-slate-900">{t('links.legend')}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label={t('links.emailFromName')} name="emailFromName" value={values.emailFromName} onChange={(e) => set('emailFromName', e.target.value)} error={errors.emailFromName} />
            <TextField label={t('links.supportEmail')} name="supportEmail" type="email" value={values.supportEmail} onChange={(e) => set('supportEmail', e.target.value)} error={errors.supportEmail} />
            <TextField label={t('links.termsUrl')} name="termsUrl" value={values.termsUrl} onChange={(e) => set('termsUrl', e.target.value)} error={errors.termsUrl} placeholder="https://" />
            <TextField label={t('links.privacyUrl')} name="privacyUrl" value={values.privacyUrl} onChange={(e) => set('privacyUrl', e.target.value)} error={errors.privacyUrl} placeholder="https://" />
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={values.hidePoweredBy} onChange={(e) => set('hidePoweredBy', e.target.checked)} className="h-4 w-4" />
            {t('links.hidePoweredBy')}
          </label>
        </fieldset>

        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 font-semibold text-slate-900">{t('css.legend')}</legend>
          <label htmlFor="customCss" className="text-sm text-slate-600">
            {t('css.label')}
          </label>
          <p id="customCss-hint" className="text-xs text-slate-500">
            {t('css.hint')}
          </p>
          <textarea
            id="customCss"
            name="customCss"
            rows={10}
            value={values.customCss}
            onChange={(e) => set('customCss', e.target.value)}
            aria-invalid={errors.customCss ? true : undefined}
            aria-describedby="customCss-hint"
            dir="ltr"
            className="rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
          />
          {errors.customCss ? <p className="text-sm text-red-600">{errors.customCss}</p> : null}
          {cssRemoved.length ? <CssRemovedNote removed={cssRemoved} /> : null}
        </fieldset>

        <div className="flex items-center gap-4">
          <Button type="submit" disabled={pending}>
            {pending ? t('saving') : t('save')}
          </Button>
          <FormStatus message={status} />
        </div>
      </form>
    </div>
  );
}

/** Live: what the chosen colours do to text contrast, with the computed ratios (lib/branding/contrast.ts). */
function ContrastNotes({ values }: { values: BrandingValues }) {
  const t = useTranslations('branding.contrast');
  const notes = contrastNotes(values);
  const warnings = notes.filter((n) => n.level === 'warning');
  const info = notes.filter((n) => n.level === 'info');
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      {warnings.map((note) => (
        <p key={note.message} className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="contrast-warning">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            <span className="sr-only">{t('warning')}</span>
            {t(note.kind, note.values)}
          </span>
        </p>
      ))}
      {info.length ? (
        <ul className="text-xs text-slate-600" data-testid="contrast-info">
          {info.map((note) => (
            <li key={note.message}>{t(note.kind, note.values)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CssRemovedNote({ removed }: { removed: string[] }) {
  const t = useTranslations('branding.css');
  const shown = removed.slice(0, 5);
  return (
    <p className="text-sm text-amber-800" data-testid="css-removed">
      {t.rich('removed', {
        count: removed.length,
        more: removed.length - shown.length,
        list: () =>
          shown.map((item, i) => (
            <span key={i}>
              {i ? t('listSeparator') : null}
              <code dir="ltr" className="break-all">
                {item}
              </code>
            </span>
          )),
      })}
    </p>
  );
}

/** The form field of one word: `terminology.goal`, `localizedTerminology.de.goal` (as the server names its errors). */
function termField(language: Language, key: TermKey): string {
  return language === 'en' ? `terminology.${key}` : `localizedTerminology.${language}.${key}`;
}
