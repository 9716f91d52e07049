import { z } from 'zod';
import { newPasswordSchema } from '../auth/password-rules.ts';
import { RESERVED_SLUGS } from './reserved-slugs.ts';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,30}[a-z0-9])$/;

export const slugSchema = z
  .string()
  .trim()
  .min(3, 'Use at least 3 characters.')
  .max(32, 'Use at most 32 characters.')
  .regex(SLUG_PATTERN, 'Use lowercase letters, digits and hyphens; start and end with a letter or digit.')
  .refine((slug) => !slug.includes('--'), 'Hyphens cannot be doubled.')
  .refine((slug) => !RESERVED_SLUGS.has(slug), 'This address is reserved. Pick another one.');

export const signupSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.'),
  email: z.string().trim().toLowerCase().max(254, 'Use at most 254 characters.').email('Enter a valid email address.'),
  password: newPasswordSchema,
  workspaceName: z.string().trim().min(2, 'Use at least 2 characters.').max(80, 'Use at most 80 characters.'),
  slug: slugSchema,
});

export type SignupInput = z.infer<typeof signupSchema>;

/** Following the emailed link: another address for the workspace, if the first was taken meanwhile. */
export const confirmSignupSchema = z.object({ slug: slugSchema.optional() });

/** A starting suggestion for the workspace address, from its name. */
export function suggestSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/g, '');
}
