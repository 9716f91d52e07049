import { z } from 'zod';
import type { DeviceType } from '../auth/user-agent.ts';
import { newPasswordSchema } from '../auth/password-rules.ts';

// What the account page and its routes exchange (imported by client components too).

export type SignInMethodName = 'password' | 'magic_link' | 'signup' | 'invitation' | 'sso' | 'impersonation';

export interface SessionView {
  id: string;
  /** "Chrome on macOS", in English (the API's); pages word it from browser and system. */
  label: string;
  /** The browser and system named ("Chrome", "macOS"), null when not recognised. */
  browser: string | null;
  system: string | null;
  device: DeviceType;
  ip: string | null;
  method: SignInMethodName;
  createdAt: string;
  lastSeenAt: string;
  /** The session this request is made with ("this device"). */
  current: boolean;
}

/** Each sign-in method's words in the catalog (account.sessions.methods). */
export const SIGN_IN_METHOD_KEYS = {
  password: 'password',
  magic_link: 'magicLink',
  signup: 'signup',
  invitation: 'invitation',
  sso: 'sso',
  impersonation: 'impersonation',
} as const satisfies Record<SignInMethodName, string>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(200, 'Use at most 200 characters.'),
  newPassword: newPasswordSchema,
});
