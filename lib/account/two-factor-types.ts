// What the Security tab and the two-factor routes exchange (imported by client components too).

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** 2FA guards password sign-in: an account without a password sets one first. */
  hasPassword: boolean;
}

export interface Enrolment {
  /** Base32, for typing into an app that cannot scan. */
  secret: string;
  uri: string;
  /** The URI as a QR code (PNG data URL). */
  qrCode: string;
}
