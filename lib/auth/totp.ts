import { generate, generateSecret, generateURI, verify } from 'otplib';

// TOTP (RFC 6238) as authenticator apps do it: SHA-1, 6 digits, 30-second steps, a Base32
// secret of 20 random bytes. One step of clock drift either way is accepted (RFC 6238 §5.2
// recommends at most one step of network delay); the caller passes the last step it accepted
// so that a code, once used, is refused (replay).

export const TOTP_PERIOD_SECONDS = 30;
/** Seconds of drift accepted either side of now: one step. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, issuer: string, account: string): string {
  return generateURI({ issuer, label: account, secret, period: TOTP_PERIOD_SECONDS, digits: 6, algorithm: 'sha1' });
}

/** The code for a moment (seconds since the epoch; default now). */
export function totpCode(secret: string, epochSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  return generate({ secret, epoch: epochSeconds, period: TOTP_PERIOD_SECONDS, digits: 6, algorithm: 'sha1' });
}

/**
 * The time step the code belongs to, or null when it is wrong, outside the window, or of a step
 * at or before `afterTimeStep` (already used).
 */
export async function verifyTotp(secret: string, code: string, afterTimeStep: number | null, epochSeconds = Math.floor(Date.now() / 1000)): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: epochSeconds,
    period: TOTP_PERIOD_SECONDS,
    digits: 6,
    algorithm: 'sha1',
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep !== null ? { afterTimeStep } : {}),
  });
  if (!result.valid) return null;
  // The functional API's result type also covers HOTP (no timeStep); for TOTP it is there.
  return 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : Math.floor(epochSeconds / TOTP_PERIOD_SECONDS) + result.delta;
}
