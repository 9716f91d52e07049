import { z } from 'zod';

// The one rule for a password a person chooses (sign-up, invitations, reset, change). Kept
// apart from password.ts (node:crypto) so forms in the browser can use it too.
export const newPasswordSchema = z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.');
