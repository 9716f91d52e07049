import { z } from 'zod';
import { isHexColor } from '../branding/safe-values.ts';
import { MAX_CUSTOM_CSS_LENGTH } from '../branding/sanitize-css.ts';
import { localizedTerminologySchema, terminologySchema } from '../branding/terminology.ts';
import { isSupportedLocale } from '../format/locales.ts';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const generalSettingsSchema = z.object({
  name: z.string().trim().min(2, 'Use at least 2 characters.').max(80, 'Use at most 80 characters.'),
  timeZone: z.string().trim().max(64).refine(isTimeZone, 'Choose a time zone from the list.'),
  defaultRole: z.enum(['admin', 'member', 'viewer'], { message: 'New members can be admins, members or viewers.' }),
  // Optional so older clients that send only name, zone and role keep the current locale.
  locale: z.string().trim().max(35).refine(isSupportedLocale, 'Choose a language and region from the list.').optional(),
  /** Admins and owners must use two-factor sign-in (absent: unchanged). */
  requireTwoFactor: z.boolean().optional(),
});

const color = z.string().trim().refine(isHexColor, 'Use a hex color such as #4f46e5.');
const optionalUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => value === '' || /^https:\/\/[^\s]+$/i.test(value), 'Use an https:// address.')
  .transform((value) => value || null);

export const brandingSettingsSchema = z.object({
  primaryColor: color,
  secondaryColor: color,
  accentColor: color,
  customCss: z.string().max(MAX_CUSTOM_CSS_LENGTH, `Use at most ${MAX_CUSTOM_CSS_LENGTH} characters.`).transform((value) => value.trim() || null),
  terminology: terminologySchema,
  localizedTerminology: localizedTerminologySchema,
  emailFromName: z.string().trim().max(80, 'Use at most 80 characters.').regex(/^[^<>"\r\n]*$/, 'Quotes, angle brackets and line breaks are not allowed.').transform((value) => value || null),
  supportEmail: z.union([z.literal(''), z.string().trim().email('Enter a valid email address.').max(254)]).transform((value) => value || null),
  termsUrl: optionalUrl,
  privacyUrl: optionalUrl,
  hidePoweredBy: z.boolean(),
});

export type BrandingSettings = z.infer<typeof brandingSettingsSchema>;

export const deleteWorkspaceSchema = z.object({ confirmSlug: z.string().trim().max(40) });
