import { z } from 'zod';
import type { DeviceType } from '../auth/user-agent.ts';
import { newPasswordSchema } from '../auth/password-rules.ts';

// What the account page and its routes exchange (imported by client components too).

export type SignInMethodName = 'password' | 'magic_link' | 'signup' | 'invitation' | 'sso' | 'impersonation';

export interface SessionView {
  id: string;
  /** "Chrome on macOS" */
  label: string;
  device: DeviceType;
  ip: string | null;
  method: SignInMethodName;
  createdAt: string;
  lastSeenAt: string;
  /** The session this request is made with ("this device"). */
  current: boolean;
}

export const SIGN_IN_METHOD_LABELS: Record<SignInMethodName, string> = {
  password: 'Password',
  magic_link: 'Email link',
  signup: 'Sign-up',
  invitation: 'Invitation',
  sso: 'Single sign-on',
  impersonation: 'Platform support (acting as you)',
};

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(200, 'Use at most 200 characters.'),
  newPassword: newPasswordSchema,
});
